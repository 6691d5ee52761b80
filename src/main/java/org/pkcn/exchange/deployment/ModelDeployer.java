package org.pkcn.exchange.deployment;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deploys the process models, decision tables and forms as one named deployment. An unchanged set
 * creates no new version; a changed set is deployed whole, so forms bound with
 * {@code camunda:formRefBinding="deployment"} always find their form beside the model.
 */
@Component
public class ModelDeployer {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repositoryService;
    private final ModelProperties properties;

    ModelDeployer(RepositoryService repositoryService, ModelProperties properties) {
        this.repositoryService = repositoryService;
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    void deployAtStartUp() {
        deploy(ModelSet.load(properties));
    }

    private String latestDeploymentId() {
        Deployment latest = repositoryService.createDeploymentQuery().deploymentName(properties.deploymentName())
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        return latest == null ? null : latest.getId();
    }

    /** @return the new deployment, or null when the set was unchanged */
    Deployment deploy(ModelSet models) {
        if (models.resources().isEmpty()) {
            throw new IllegalStateException("No process models found in " + models.origin()
                    + ": set exchange.models.processes-dir to the folder that holds them");
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(properties.deploymentName())
                .source(models.origin())
                // false = deploy the whole set when anything changed, nothing when nothing did
                .enableDuplicateFiltering(false);
        for (Map.Entry<String, byte[]> resource : models.resources().entrySet()) {
            builder.addInputStream(resource.getKey(), new ByteArrayInputStream(resource.getValue()));
        }
        String previous = latestDeploymentId();
        Deployment deployment = builder.deploy();
        if (deployment.getId().equals(previous)) {
            log.info("Models from {} unchanged: no new version", models.origin());
            return null;
        }
        log.info("Models from {} deployed as {} ({} files)", models.origin(), deployment.getId(),
                models.resources().size());
        return deployment;
    }
}
