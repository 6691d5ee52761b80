package org.pkcn.exchange.deployment;

import java.util.List;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;

/**
 * What a deployment (or its dry run) came to.
 *
 * @param result DEPLOYED (a new version), UNCHANGED (the newest version has these very files: nothing deployed),
 *        or VALID (a dry run: nothing deployed, and the set would deploy)
 * @param deploymentId the new deployment, or the newest one when nothing was deployed
 * @param files every file of the set
 * @param changedFiles the files that differ from the newest version
 * @param deployment the engine's answer when DEPLOYED, with the new definitions; else null
 */
public record DeploymentOutcome(Result result, String deploymentId, List<String> files, List<String> changedFiles,
        DeploymentWithDefinitions deployment) {

    public enum Result {
        DEPLOYED, UNCHANGED, VALID
    }
}
