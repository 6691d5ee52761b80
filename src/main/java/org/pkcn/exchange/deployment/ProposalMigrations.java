package org.pkcn.exchange.deployment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.pkcn.exchange.deployment.MigrationReport.Instance;
import org.pkcn.exchange.deployment.MigrationReport.Mapping;
import org.pkcn.exchange.deployment.MigrationReport.Version;
import org.pkcn.exchange.deployment.MigrationStatus.Outcome;
import org.pkcn.exchange.deployment.MigrationStatus.State;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running proposals from one version of a process to another, only with the engine's public migration API:
 * a plan that maps equal activities, a dry run that asks the engine, instance by instance, whether it would move (each
 * tried in a transaction that is rolled back), then a batch of exactly the instances that can. An instance that
 * cannot move is left where it is, untouched, and the report says why. The migration moves state only: it runs no
 * listeners and no input/output mappings.
 */
@Service
public class ProposalMigrations {

    /** A dry run asks the engine about at most this many instances (each in its own rolled-back transaction). */
    static final int MAX_INSTANCES = 2_000;

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final MigrationRecords records;
    private final Clock clock;
    private final TransactionTemplate rolledBack;

    ProposalMigrations(RuntimeService runtimeService, RepositoryService repositoryService,
            ManagementService managementService, IdentityService identityService, MigrationRecords records, Clock clock,
            PlatformTransactionManager transactions) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.records = records;
        this.clock = clock;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What would move, and what would not and why; changes nothing. */
    public MigrationReport dryRun(String sourceDefinitionId, String targetDefinitionId) {
        ProcessDefinition source = definition(sourceDefinitionId);
        ProcessDefinition target = definition(targetDefinitionId);
        if (!source.getKey().equals(target.getKey())) {
            throw new IllegalArgumentException("Both versions must be of the same process: " + source.getKey() + " and "
                    + target.getKey() + " differ");
        }
        if (source.getId().equals(target.getId())) {
            throw new IllegalArgumentException("Choose two different versions of " + source.getKey());
        }
        List<String> planProblems = new ArrayList<>();
        MigrationPlan plan = null;
        try {
            plan = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException refused) {
            refused.getValidationReport().getInstructionReports().forEach(report -> report.getFailures().forEach(
                    failure -> planProblems.add(report.getMigrationInstruction().getSourceActivityId() + ": " + failure)));
            refused.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures()
                    .forEach(failure -> planProblems.add("variable " + name + ": " + failure)));
            if (planProblems.isEmpty()) {
                planProblems.add(refused.getMessage());
            }
        }
        List<Mapping> mapped = plan == null ? List.of() : plan.getInstructions().stream()
                .map(instruction -> new Mapping(instruction.getSourceActivityId(), instruction.getTargetActivityId()))
                .toList();
        Set<String> mappedSources = mapped.stream().map(Mapping::sourceActivityId).collect(Collectors.toSet());
        Set<String> mappedTargets = mapped.stream().map(Mapping::targetActivityId).collect(Collectors.toSet());
        List<FlowNode> sourceNodes = flowNodesOf(source);
        List<String> unmapped = sourceNodes.stream().filter(ProposalMigrations::canWaitAt).map(FlowNode::getId)
                .filter(id -> !mappedSources.contains(id)).sorted().toList();
        Set<String> sourceIds = sourceNodes.stream().map(FlowNode::getId).collect(Collectors.toSet());
        List<String> added = flowNodesOf(target).stream().map(FlowNode::getId)
                .filter(id -> !sourceIds.contains(id) && !mappedTargets.contains(id)).sorted().toList();

        List<Instance> instances = new ArrayList<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
                .orderByProcessInstanceId().asc().listPage(0, MAX_INSTANCES)) {
            List<String> reasons = plan == null ? List.of("the engine refuses the plan: " + String.join("; ", planProblems))
                    : reasonsAgainst(plan, instance.getId());
            instances.add(new Instance(instance.getId(), instance.getBusinessKey(), waitingAt(instance.getId()),
                    reasons.isEmpty(), reasons));
        }
        return new MigrationReport(version(source), version(target), mapped, unmapped, added, planProblems, instances);
    }

    /** Starts a batch for the instances that can move (checked again now); the others stay untouched. */
    public MigrationStatus migrate(String sourceDefinitionId, String targetDefinitionId) {
        MigrationReport report = dryRun(sourceDefinitionId, targetDefinitionId);
        List<String> movable = report.instances().stream().filter(Instance::canMove).map(Instance::processInstanceId)
                .toList();
        if (movable.isEmpty()) {
            return new MigrationStatus(null, report.source(), report.target(), currentUser(), clock.instant(),
                    State.NOTHING_TO_MOVE, report.instances().stream().map(instance -> new MigrationStatus.Instance(
                            instance.processInstanceId(), instance.businessKey(), Outcome.STAYED,
                            String.join("; ", instance.reasons()))).toList());
        }
        MigrationPlan plan = runtimeService.createMigrationPlan(sourceDefinitionId, targetDefinitionId)
                .mapEqualActivities().build();
        Batch batch = runtimeService.newMigration(plan).processInstanceIds(movable).skipCustomListeners()
                .skipIoMappings().executeAsync();
        records.save(new MigrationRecord(batch.getId(), sourceDefinitionId, targetDefinitionId, currentUser(),
                clock.instant(), report.instances().stream().map(instance -> new MigrationRecord.Candidate(
                        instance.processInstanceId(), instance.businessKey(), instance.canMove(),
                        instance.canMove() ? null : truncated(String.join("; ", instance.reasons())))).toList()));
        return status(batch.getId());
    }

    /** Where a migration stands, instance by instance. */
    public MigrationStatus status(String batchId) {
        MigrationRecord record = records.findById(batchId)
                .orElseThrow(() -> new NoSuchElementException("No migration with batch " + batchId));
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        List<String> failures = batch == null ? List.of() : managementService.createJobQuery()
                .jobDefinitionId(batch.getBatchJobDefinitionId()).withException().listPage(0, 20).stream()
                .map(Job::getExceptionMessage).distinct().toList();
        boolean gaveUp = batch != null && managementService.createJobQuery()
                .jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft().count() > 0;
        List<MigrationStatus.Instance> instances = new ArrayList<>();
        boolean pending = false;
        for (MigrationRecord.Candidate candidate : record.candidates()) {
            Outcome outcome;
            String reason = candidate.reason();
            ProcessInstance now = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(candidate.processInstanceId()).singleResult();
            if (!candidate.planned()) {
                outcome = now == null ? Outcome.ENDED : Outcome.STAYED;
            } else if (now == null) {
                outcome = Outcome.ENDED;
            } else if (now.getProcessDefinitionId().equals(record.targetDefinitionId())) {
                outcome = Outcome.MOVED;
            } else if (batch != null && !gaveUp) {
                outcome = Outcome.PENDING;
                pending = true;
                reason = failures.isEmpty() ? null : "retrying after: " + String.join("; ", failures);
            } else {
                outcome = Outcome.FAILED;
                reason = failures.isEmpty() ? "the batch ended without moving it" : String.join("; ", failures);
            }
            instances.add(new MigrationStatus.Instance(candidate.processInstanceId(), candidate.businessKey(), outcome,
                    reason));
        }
        State state = gaveUp ? State.FAILED : pending || batch != null ? State.RUNNING : State.FINISHED;
        return new MigrationStatus(batchId, version(definition(record.sourceDefinitionId())),
                version(definition(record.targetDefinitionId())), record.requestedBy(), record.requestedAt(), state,
                instances);
    }

    /** The most recent migrations, newest first. */
    public List<MigrationStatus> recent() {
        return records.findTop20ByOrderByRequestedAtDesc().stream().map(record -> status(record.batchId())).toList();
    }

    /** Asks the engine to migrate this one instance, in a transaction that is always rolled back. */
    private List<String> reasonsAgainst(MigrationPlan plan, String processInstanceId) {
        return rolledBack.execute(status -> {
            status.setRollbackOnly();
            try {
                runtimeService.newMigration(plan).processInstanceIds(processInstanceId).skipCustomListeners()
                        .skipIoMappings().execute();
                return List.of();
            } catch (MigratingProcessInstanceValidationException refused) {
                return reasonsIn(refused.getValidationReport());
            } catch (ProcessEngineException refused) {
                return List.of(refused.getMessage());
            }
        });
    }

    private static List<String> reasonsIn(MigratingProcessInstanceValidationReport report) {
        Set<String> reasons = new LinkedHashSet<>(report.getFailures());
        report.getActivityInstanceReports().forEach(activity -> activity.getFailures()
                .forEach(failure -> reasons.add("at " + activity.getSourceScopeId() + ": " + failure)));
        report.getTransitionInstanceReports().forEach(transition -> transition.getFailures()
                .forEach(failure -> reasons.add("at " + transition.getSourceScopeId() + ": " + failure)));
        return List.copyOf(reasons);
    }

    private List<String> waitingAt(String processInstanceId) {
        ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
        List<String> at = new ArrayList<>();
        if (tree != null) {
            collectLeaves(tree, at);
        }
        return at;
    }

    private static void collectLeaves(ActivityInstance instance, Collection<String> into) {
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            into.add(transition.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
                into.add(child.getActivityId());
            } else {
                collectLeaves(child, into);
            }
        }
    }

    private List<FlowNode> flowNodesOf(ProcessDefinition definition) {
        return List.copyOf(repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class));
    }

    /** Whether an instance can be found at this element (a wait state, or an asynchronous step), not only pass it. */
    static boolean canWaitAt(FlowNode node) {
        if (node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()) {
            return true;
        }
        if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess parent) {
            return parent.triggeredByEvent();
        }
        return node instanceof UserTask || node instanceof ReceiveTask || node instanceof CallActivity
                || node instanceof SubProcess || node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent
                || node instanceof EventBasedGateway
                || node instanceof ServiceTask service && "external".equals(service.getCamundaType());
    }

    private ProcessDefinition definition(String id) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionId(id)
                .singleResult();
        if (definition == null) {
            throw new NoSuchElementException("No process definition " + id);
        }
        return definition;
    }

    private static Version version(ProcessDefinition definition) {
        return new Version(definition.getId(), definition.getKey(), definition.getVersion());
    }

    private String currentUser() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? ModelDeployer.SYSTEM
                : authentication.getUserId();
    }

    private static String truncated(String reason) {
        return reason.length() > 4000 ? reason.substring(0, 3997) + "..." : reason;
    }
}
