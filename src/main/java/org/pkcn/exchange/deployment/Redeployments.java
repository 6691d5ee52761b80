package org.pkcn.exchange.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;

/**
 * The three ways an administrator redeploys without a restart, and the roll back, each ending in the same
 * validation and the same deployment code ({@link ModelDeployer}). Uploaded files (from the page or the Modeler)
 * take the place of the files of the same name in the newest version; the other files of the set are kept, so the
 * set is always deployed whole. Each takes {@code dryRun}: validate and report, deploy nothing.
 */
@Service
public class Redeployments {

    private final ModelDeployer deployer;
    private final ModelProperties properties;

    Redeployments(ModelDeployer deployer, ModelProperties properties) {
        this.deployer = deployer;
        this.properties = properties;
    }

    /** "Redeploy from folders": the set as the folders hold it now, after an edit on the server. */
    public DeploymentOutcome fromFolders(boolean dryRun) {
        return deployer.deploy(ModelSet.load(properties), DeploymentSource.FOLDER, dryRun);
    }

    /**
     * Files uploaded on the administration page ({@link DeploymentSource#UPLOAD}) or sent by Camunda Modeler
     * ({@link DeploymentSource#MODELER}), by their file names.
     *
     * @param via who or what sent them, for the record ("Camunda Modeler", "administration page")
     */
    public DeploymentOutcome upload(Map<String, byte[]> filesByName, DeploymentSource source, String via,
            boolean dryRun) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<ModelProblem> problems = new ArrayList<>();
        filesByName.forEach((fileName, content) -> {
            String name = ModelSet.nameInSet(fileName);
            if (name == null) {
                problems.add(ModelProblem.of(fileName, "is not a process model (.bpmn), decision table (.dmn) or form "
                        + "(.form) with a plain file name (letters, digits, '.', '_', '-')"));
            } else {
                files.put(name, content);
            }
        });
        if (filesByName.isEmpty()) {
            problems.add(ModelProblem.of(null, "no files were sent"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelsException(problems);
        }
        String origin = via + ": " + String.join(", ", files.keySet());
        return deployer.deploy(deployer.newestSet(origin).with(origin, files), source, dryRun);
    }

    /** The files of an earlier deployment of the set, deployed again as the newest version. */
    public DeploymentOutcome rollBack(String deploymentId, boolean dryRun) {
        ModelSet earlier = deployer.setOf(deploymentId, "roll back to deployment " + deploymentId)
                .orElseThrow(() -> new NoSuchElementException("No deployment " + deploymentId + " of the model set "
                        + properties.deploymentName()));
        return deployer.deploy(earlier, DeploymentSource.ROLLBACK, dryRun);
    }

    /** Whether the folders hold the files of the newest version (after an upload they usually do not). */
    public boolean foldersMatchNewest() {
        return deployer.foldersMatchNewest();
    }
}
