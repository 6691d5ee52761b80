package org.pkcn.exchange.deployment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the process models, decision tables and forms come from, and what a model may contain.
 *
 * @param processesDir folder of *.bpmn and *.dmn; used when it exists, else the jar's copy
 * @param formsDir folder of *.form; likewise
 * @param deploymentName the name of the one deployment that carries the whole set
 * @param allowScripts whether models may carry scripts (script tasks, inline scripts, script conditions, DMN in a
 *        script language); off, since deploying a script is running code on the server
 */
@ConfigurationProperties("exchange.models")
public record ModelProperties(Path processesDir, Path formsDir, String deploymentName, boolean allowScripts) {

    @ConstructorBinding
    public ModelProperties {
        processesDir = processesDir == null ? Path.of("processes") : processesDir;
        formsDir = formsDir == null ? Path.of("forms") : formsDir;
        deploymentName = deploymentName == null ? "exchange-proposal" : deploymentName;
    }

    public ModelProperties(Path processesDir, Path formsDir, String deploymentName) {
        this(processesDir, formsDir, deploymentName, false);
    }
}
