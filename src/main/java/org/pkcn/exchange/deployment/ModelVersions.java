package org.pkcn.exchange.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * What the administration page lists: each process and decision with its versions, who deployed each, when and from
 * where, and how many proposals run on each version; the recent deployments with their files.
 */
@Service
public class ModelVersions {

    /** Deployments listed, newest first. */
    static final int RECENT_DEPLOYMENTS = 50;
    /** Versions listed, per kind: within the engine's limit for a query's results (query-max-results-limit). */
    static final int MAX_VERSIONS = 1_000;

    public record Overview(String deploymentName, boolean foldersMatchNewest, List<Definition> processes,
            List<Definition> decisions, List<DeploymentEntry> deployments) {
    }

    public record Definition(String key, String name, List<Version> versions) {
    }

    /** @param running instances on this version (for a decision: null) */
    public record Version(String definitionId, int version, DeploymentEntry deployment, Long running) {
    }

    /** @param source FOLDER, UPLOAD, MODELER, ROLLBACK, or the engine's source text for a deployment made elsewhere */
    public record DeploymentEntry(String deploymentId, String name, Instant deployedAt, String deployedBy, String source,
            String origin, List<String> files) {
    }

    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final HistoryService historyService;
    private final DeploymentRecords records;
    private final ModelDeployer deployer;
    private final ModelProperties properties;

    ModelVersions(RepositoryService repositoryService, ManagementService managementService, HistoryService historyService,
            DeploymentRecords records, ModelDeployer deployer, ModelProperties properties) {
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.historyService = historyService;
        this.records = records;
        this.deployer = deployer;
        this.properties = properties;
    }

    public Overview overview() {
        Map<String, DeploymentEntry> deployments = new LinkedHashMap<>();
        Function<String, DeploymentEntry> entry = id -> deployments.computeIfAbsent(id, this::entryOf);

        Map<String, Long> running = new LinkedHashMap<>();
        managementService.createProcessDefinitionStatisticsQuery().listPage(0, MAX_VERSIONS)
                .forEach(statistics -> running.put(statistics.getId(), (long) statistics.getInstances()));
        Map<String, List<Version>> processVersions = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().orderByProcessDefinitionKey()
                .asc().orderByProcessDefinitionVersion().desc().listPage(0, MAX_VERSIONS)) {
            names.putIfAbsent("process:" + definition.getKey(), definition.getName());
            processVersions.computeIfAbsent(definition.getKey(), key -> new ArrayList<>()).add(new Version(
                    definition.getId(), definition.getVersion(), entry.apply(definition.getDeploymentId()),
                    running.getOrDefault(definition.getId(), 0L)));
        }
        Map<String, List<Version>> decisionVersions = new LinkedHashMap<>();
        for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery()
                .orderByDecisionDefinitionKey().asc().orderByDecisionDefinitionVersion().desc()
                .listPage(0, MAX_VERSIONS)) {
            names.putIfAbsent("decision:" + definition.getKey(), definition.getName());
            decisionVersions.computeIfAbsent(definition.getKey(), key -> new ArrayList<>()).add(new Version(
                    definition.getId(), definition.getVersion(), entry.apply(definition.getDeploymentId()), null));
        }
        List<DeploymentEntry> recent = repositoryService.createDeploymentQuery().orderByDeploymentTime().desc()
                .listPage(0, RECENT_DEPLOYMENTS).stream().map(deployment -> entry.apply(deployment.getId())).toList();
        return new Overview(properties.deploymentName(), deployer.foldersMatchNewest(),
                definitions(processVersions, names, "process:"), definitions(decisionVersions, names, "decision:"), recent);
    }

    private static List<Definition> definitions(Map<String, List<Version>> versions, Map<String, String> names,
            String kind) {
        return versions.entrySet().stream()
                .map(key -> new Definition(key.getKey(), names.get(kind + key.getKey()), key.getValue())).toList();
    }

    private DeploymentEntry entryOf(String deploymentId) {
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        Optional<DeploymentRecord> record = records.findById(deploymentId);
        String deployedBy = record.map(DeploymentRecord::deployedBy).orElseGet(() -> deployedByPerLog(deploymentId));
        String source = record.map(found -> found.source().name())
                .orElse(deployment == null ? null : deployment.getSource());
        String origin = record.map(DeploymentRecord::origin).orElse(deployment == null ? null : deployment.getSource());
        return new DeploymentEntry(deploymentId, deployment == null ? null : deployment.getName(),
                deployment == null ? null : deployment.getDeploymentTime().toInstant(), deployedBy, source, origin,
                repositoryService.getDeploymentResourceNames(deploymentId).stream().sorted()
                        .collect(Collectors.toList()));
    }

    /** For deployments made outside this application's code (before it kept records, or by the plain REST API). */
    private String deployedByPerLog(String deploymentId) {
        return historyService.createUserOperationLogQuery().deploymentId(deploymentId)
                .entityType(EntityTypes.DEPLOYMENT).operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                .listPage(0, 1).stream().map(UserOperationLogEntry::getUserId).findFirst().orElse("unknown");
    }
}
