package org.pkcn.exchange.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.pkcn.exchange.review.Party;
import org.pkcn.exchange.review.process.ReviewQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The gauges operators watch (/actuator/prometheus): proposals by status, open and overdue review tasks per
 * party, failed jobs and open incidents. Each is a count over an index, all taken together at most once per
 * {@code exchange.metrics.refresh} (10 s): a scrape every 15 s costs a handful of small queries, however many
 * proposals there are. The counters and timers (mails, review times) are written where things happen
 * ({@code notification.Notifier}, {@code proposal.BusinessEvents}).
 */
@Component
class OperationsMetrics {

    static final String PROPOSALS = "exchange.proposals";
    static final String OPEN_TASKS = "exchange.review.tasks.open";
    static final String OVERDUE_TASKS = "exchange.review.tasks.overdue";
    static final String FAILED_JOBS = "exchange.jobs.failed";
    static final String INCIDENTS = "exchange.incidents.open";

    private record Snapshot(Map<ProposalStatus, Long> proposals, Map<Party, Long> openTasks,
            Map<Party, Long> overdueTasks, long failedJobs, long incidents, Instant takenAt) {
    }

    private final ProposalRegistry registry;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final Clock clock;
    private final Duration refresh;
    private volatile Snapshot snapshot;

    OperationsMetrics(ProposalRegistry registry, TaskService taskService, ManagementService managementService,
            RuntimeService runtimeService, Clock clock, MeterRegistry meters,
            @Value("${exchange.metrics.refresh:PT10S}") Duration refresh) {
        this.registry = registry;
        this.taskService = taskService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.refresh = refresh;
        for (ProposalStatus status : ProposalStatus.values()) {
            gauge(meters, PROPOSALS, "Proposals at this status", s -> s.proposals().get(status), "status", status.name());
        }
        for (Party party : Party.values()) {
            List<String> tags = List.of("party", party.name(), "group", party.reviewers());
            gauge(meters, OPEN_TASKS, "Review tasks waiting for a decision, claimed or not",
                    s -> s.openTasks().get(party), tags.toArray(String[]::new));
            gauge(meters, OVERDUE_TASKS, "Review tasks past their due date", s -> s.overdueTasks().get(party),
                    tags.toArray(String[]::new));
        }
        gauge(meters, FAILED_JOBS, "Asynchronous steps that failed (retrying, or out of retries)",
                Snapshot::failedJobs);
        gauge(meters, INCIDENTS, "Open incidents (steps out of retries), shown in Cockpit", Snapshot::incidents);
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<Snapshot> value,
            String... tags) {
        Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.current())).description(description)
                .tags(tags).strongReference(true).register(meters);
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.takenAt().plus(refresh))) {
            last = take(now);
            snapshot = last;
        }
        return last;
    }

    private synchronized Snapshot take(Instant now) {
        Snapshot last = snapshot;
        if (last != null && now.isBefore(last.takenAt().plus(refresh))) {
            return last; // another scrape thread was faster
        }
        Map<Party, Long> open = new EnumMap<>(Party.class);
        Map<Party, Long> overdue = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            open.put(party, reviewTasks(party).count());
            overdue.put(party, reviewTasks(party).dueBefore(Date.from(now)).count());
        }
        return new Snapshot(registry.countByStatus(), open, overdue,
                managementService.createJobQuery().withException().count(),
                runtimeService.createIncidentQuery().count(), now);
    }

    private TaskQuery reviewTasks(Party party) {
        return ReviewQueue.of(taskService, party);
    }
}
