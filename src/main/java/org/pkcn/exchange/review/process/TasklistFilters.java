package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_APPLICANT_NAME;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_REFERENCE;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_SECTOR;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_TITLE;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.pkcn.exchange.review.Party;
import org.pkcn.exchange.system.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters reviewers and applicants work from: "STZA inbox", "ZBRA inbox", "Overdue" and a
 * "My tasks" per person, with the columns a reviewer needs. None uses an expression such as
 * {@code ${currentUser()}}: expressions in stored queries are switched off (a query that carries one is
 * code run on the server). So "My tasks" is one filter per account, and "Overdue" has its date moved
 * forward every minute.
 *
 * <p>The Tasklist reloads the open filter's page every 10 seconds when the filter says {@code refresh}, and each
 * reload counts the whole queue (about 60 ms of database time at 100,000 waiting on PostgreSQL). On a night when
 * the queue is that long and many reviewers keep the Tasklist open, {@code exchange.tasklist.auto-refresh=false}
 * (applied at the next start) leaves reloading to the reviewer: the list then changes when they act or reload.
 */
@Component
class TasklistFilters {

    static final String STZA_INBOX = "STZA inbox";
    static final String ZBRA_INBOX = "ZBRA inbox";
    static final String MY_TASKS = "My tasks";
    static final String OVERDUE = "Overdue";

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);
    private static final List<String> TASK_GROUPS = List.of(Party.STZA.reviewers(), Party.STZA.supervisors(),
            Party.ZBRA.reviewers(), Party.ZBRA.supervisors(), "applicants");

    private final FilterService filterService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ClusterLock clusterLock;
    private final boolean autoRefresh;

    TasklistFilters(FilterService filterService, TaskService taskService, IdentityService identityService,
            AuthorizationService authorizationService, ClusterLock clusterLock,
            @Value("${exchange.tasklist.auto-refresh:true}") boolean autoRefresh) {
        this.clusterLock = clusterLock;
        this.autoRefresh = autoRefresh;
        this.filterService = filterService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    void createAtStartUp() {
        // Every node runs these; under the cluster lock a second node finds the filters the first one made.
        clusterLock.exclusively(this::createShared);
        refreshOverdue();
        createMyTasksFilters();
    }

    private void createShared() {
        for (Party party : Party.values()) {
            Filter inbox = save(party == Party.STZA ? STZA_INBOX : ZBRA_INBOX, null, 10,
                    "The " + party + " review queue / " + party + " 评审队列",
                    ReviewQueue.of(taskService, party).orderByDueDate().asc());
            grantRead(inbox, party.reviewers(), party.supervisors());
        }
    }

    /** Moves "Overdue" on to now, since a stored query may not say "now" itself. */
    @Scheduled(fixedDelayString = "${exchange.tasklist.overdue-refresh:PT1M}", initialDelayString = "PT1M")
    void refreshOverdue() {
        try {
            clusterLock.exclusively(this::moveOverdueToNow);
        } catch (OptimisticLockingException anotherNodeWasFaster) {
            log.debug("Overdue filter refreshed by another node");
        }
    }

    private void moveOverdueToNow() {
        Filter overdue = save(OVERDUE, null, 20, "Past their due date / 已逾期",
                taskService.createTaskQuery().dueBefore(new Date()).orderByDueDate().asc());
        grantRead(overdue, Party.STZA.reviewers(), Party.STZA.supervisors(), Party.ZBRA.reviewers(),
                Party.ZBRA.supervisors());
    }

    /** One "My tasks" per account that works tasks, for accounts created since the last run too. */
    @Scheduled(fixedDelayString = "${exchange.tasklist.my-tasks-refresh:PT5M}", initialDelayString = "PT5M")
    void createMyTasksFilters() {
        // Under the cluster lock: two nodes checking "has this account a My tasks?" at once would both say no.
        clusterLock.exclusively(this::createMissingMyTasks);
    }

    private void createMissingMyTasks() {
        for (String group : TASK_GROUPS) {
            for (User user : identityService.createUserQuery().memberOfGroup(group).list()) {
                if (filterService.createFilterQuery().filterName(MY_TASKS).filterOwner(user.getId()).count() == 0) {
                    save(MY_TASKS, user.getId(), 0, "Tasks assigned to me / 我的任务",
                            taskService.createTaskQuery().taskAssignee(user.getId()).orderByDueDate().asc());
                }
            }
        }
    }

    /** Creates or updates the filter of this name and owner (no owner: a shared filter, reached by grants). */
    private Filter save(String name, String owner, int priority, String description, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).list().stream()
                .filter(candidate -> java.util.Objects.equals(candidate.getOwner(), owner)).findFirst()
                .orElseGet(() -> filterService.newTaskFilter(name).setOwner(owner));
        filter.setQuery(query);
        filter.setProperties(properties(priority, description));
        return filterService.saveFilter(filter);
    }

    private Map<String, Object> properties(int priority, String description) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", autoRefresh);
        properties.put("showUndefinedVariable", false);
        List<Map<String, String>> columns = new ArrayList<>();
        // Task-local copies (TaskListColumns): a reviewer may read the task, not its process instance.
        columns.add(Map.of("name", LIST_REFERENCE, "label", "Reference / 编号"));
        columns.add(Map.of("name", LIST_TITLE, "label", "Title / 标题"));
        columns.add(Map.of("name", LIST_APPLICANT_NAME, "label", "Applicant organisation / 申请单位"));
        columns.add(Map.of("name", LIST_SECTOR, "label", "Sector / 领域"));
        properties.put("variables", columns);
        return properties;
    }

    private void grantRead(Filter filter, String... groups) {
        for (String group : groups) {
            boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(group)
                    .resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
            if (!granted) {
                Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(group);
                authorization.setResource(Resources.FILTER);
                authorization.setResourceId(filter.getId());
                authorization.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(authorization);
            }
        }
    }
}
