package org.pkcn.exchange.deployment;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.Resource;
import org.pkcn.exchange.deployment.DeploymentOutcome.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys the process models, decision tables and forms as one named deployment, whichever way they came (the
 * folders, an upload, the Modeler, a roll back): validated first ({@link ModelValidator}), refused whole with
 * every problem listed, and deployed whole, so forms bound with {@code camunda:formRefBinding="deployment"} always
 * find their form beside the model. A set with the same files as the newest version creates no new version. Who
 * deployed and from where is kept beside the engine's deployment ({@link DeploymentRecord}).
 */
@Component
public class ModelDeployer {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
    static final String SYSTEM = "system";

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ModelProperties properties;
    private final ModelValidator validator;
    private final DeploymentRecords records;
    private final ModelSetLocks locks;
    private final TransactionTemplate transaction;

    ModelDeployer(RepositoryService repositoryService, IdentityService identityService, ModelProperties properties,
            ModelValidator validator, DeploymentRecords records, ModelSetLocks locks,
            PlatformTransactionManager transactions) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.properties = properties;
        this.validator = validator;
        this.records = records;
        this.locks = locks;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The folders' set, unless the folders are unchanged since they were last deployed and a newer version came from
     * elsewhere (an upload, the Modeler, a roll back): a restart does not undo an administrator's redeployment. An
     * invalid set stops the start only when no version exists at all; otherwise the newest version stays in service
     * and every problem is logged.
     */
    @EventListener(ApplicationStartedEvent.class)
    @Order(20)
    void deployAtStartUp() {
        ModelSet folders = ModelSet.load(properties);
        Optional<DeploymentRecord> lastFromFolders = records
                .findFirstByDeploymentNameAndSourceOrderByDeployedAtDesc(properties.deploymentName(), DeploymentSource.FOLDER);
        Optional<Deployment> newest = newestDeployment();
        if (lastFromFolders.isPresent() && newest.isPresent()
                && lastFromFolders.get().checksum().equals(folders.checksum())
                && !lastFromFolders.get().deploymentId().equals(newest.get().getId())) {
            log.info("Models in {} unchanged since their deployment {}; the newer version {} stays", folders.origin(),
                    lastFromFolders.get().deploymentId(), newest.get().getId());
            return;
        }
        try {
            deploy(folders, DeploymentSource.FOLDER, false);
        } catch (InvalidModelsException invalid) {
            if (newest.isEmpty()) {
                throw new IllegalStateException("The models in " + folders.origin() + " cannot be deployed. "
                        + invalid.getMessage(), invalid);
            }
            log.error("The models in {} were NOT deployed; version {} stays in service. {}", folders.origin(),
                    newest.get().getId(), invalid.getMessage());
        }
    }

    /**
     * Validates the set and, unless it is a dry run, deploys it whole as the newest version.
     *
     * @throws InvalidModelsException listing every problem; nothing was deployed
     */
    DeploymentOutcome deploy(ModelSet models, DeploymentSource source, boolean dryRun) {
        List<ModelProblem> problems = validator.problemsIn(models);
        if (!problems.isEmpty()) {
            throw new InvalidModelsException(problems);
        }
        if (dryRun) {
            Optional<Deployment> newest = newestDeployment();
            Map<String, byte[]> newestFiles = newest.map(this::filesOf).orElse(Map.of());
            return new DeploymentOutcome(models.sameFilesAs(newestFiles) ? Result.UNCHANGED : Result.VALID,
                    newest.map(Deployment::getId).orElse(null), List.copyOf(models.resources().keySet()),
                    models.changedComparedTo(newestFiles), null);
        }
        try {
            return transaction.execute(status -> deployLocked(models, source));
        } catch (ParseException refused) {
            // What only shows with all files together, e.g. two files defining the same process.
            throw new InvalidModelsException(refused.getResorceReports().stream()
                    .flatMap(report -> report.getErrors().stream().map(error -> new ModelProblem(
                            report.getResourceName(), error.getLine() > 0 ? error.getLine() : null,
                            error.getMainElementId(), error.getMessage())))
                    .toList());
        }
    }

    private DeploymentOutcome deployLocked(ModelSet models, DeploymentSource source) {
        locks.acquire();
        Optional<Deployment> newest = newestDeployment();
        Map<String, byte[]> newestFiles = newest.map(this::filesOf).orElse(Map.of());
        List<String> files = List.copyOf(models.resources().keySet());
        List<String> changed = models.changedComparedTo(newestFiles);
        if (newest.isPresent() && models.sameFilesAs(newestFiles)) {
            log.info("Models from {} unchanged: no new version", models.origin());
            return new DeploymentOutcome(Result.UNCHANGED, newest.get().getId(), files, changed, null);
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(properties.deploymentName())
                .source(models.origin().length() > 255 ? models.origin().substring(0, 252) + "..." : models.origin());
        models.resources().forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        String deployedBy = currentUser();
        records.save(new DeploymentRecord(deployment.getId(), properties.deploymentName(), source, models.origin(),
                deployedBy, deployment.getDeploymentTime().toInstant(), models.checksum()));
        log.info("Models from {} deployed as {} by {} ({} files, changed: {})", models.origin(), deployment.getId(),
                deployedBy, files.size(), changed);
        return new DeploymentOutcome(Result.DEPLOYED, deployment.getId(), files, changed, deployment);
    }

    /** The files of the newest version, as a set to add uploads to or to compare with. */
    ModelSet newestSet(String origin) {
        return new ModelSet(origin, newestDeployment().map(this::filesOf).orElse(Map.of()));
    }

    /** The files of one of the set's deployments; empty when the deployment is not one of the set's. */
    Optional<ModelSet> setOf(String deploymentId, String origin) {
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        if (deployment == null || !properties.deploymentName().equals(deployment.getName())) {
            return Optional.empty();
        }
        return Optional.of(new ModelSet(origin, filesOf(deployment)));
    }

    /** Whether the folders hold the files of the newest version. */
    boolean foldersMatchNewest() {
        return ModelSet.load(properties).sameFilesAs(newestDeployment().map(this::filesOf).orElse(Map.of()));
    }

    private Optional<Deployment> newestDeployment() {
        return repositoryService.createDeploymentQuery().deploymentName(properties.deploymentName())
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst();
    }

    private Map<String, byte[]> filesOf(Deployment deployment) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
            files.put(resource.getName(), resource.getBytes());
        }
        return files;
    }

    private String currentUser() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
