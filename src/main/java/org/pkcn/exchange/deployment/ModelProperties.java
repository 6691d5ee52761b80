package org.pkcn.exchange.deployment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the process models, decision tables and forms come from.
 *
 * @param processesDir folder of *.bpmn and *.dmn; used when it exists, else the jar's copy
 * @param formsDir folder of *.form; likewise
 * @param deploymentName the name of the one deployment that carries the whole set
 */
@ConfigurationProperties("exchange.models")
public record ModelProperties(Path processesDir, Path formsDir, String deploymentName) {

    public ModelProperties {
        processesDir = processesDir == null ? Path.of("processes") : processesDir;
        formsDir = formsDir == null ? Path.of("forms") : formsDir;
        deploymentName = deploymentName == null ? "exchange-proposal" : deploymentName;
    }
}
