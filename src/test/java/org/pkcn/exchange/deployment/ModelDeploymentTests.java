package org.pkcn.exchange.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pkcn.exchange.ExchangeTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The models are deployed from the folders as one set, and only when something changed. */
@ExchangeTest
class ModelDeploymentTests {

    @Autowired ModelDeployer deployer;
    @Autowired RepositoryService repositoryService;
    @Autowired ModelProperties properties;

    @Test
    void atStartUp_theWholeSetIsDeployedWithRelativeNames() {
        var latest = repositoryService.createDeploymentQuery().deploymentName(properties.deploymentName())
                .orderByDeploymentTime().desc().list().get(0);
        assertThat(repositoryService.getDeploymentResourceNames(latest.getId()))
                .contains("exchange-proposal.bpmn", "proposal-review.bpmn", "eligibility.dmn");
        assertThat(latest.getSource()).startsWith("folder ");
    }

    @Test
    void unchangedSet_createsNoNewVersion() {
        long versions = repositoryService.createProcessDefinitionQuery().processDefinitionKey("exchange-proposal").count();

        assertThat(deployer.deploy(ModelSet.load(properties))).isNull();

        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("exchange-proposal").count())
                .isEqualTo(versions);
    }

    @Test
    void aConfiguredFolderWins_andWithoutOneThePackagedCopyIsUsed(@TempDir Path folder) throws IOException {
        Files.copy(Path.of("processes", "eligibility.dmn"), folder.resolve("eligibility.dmn"));
        ModelSet fromFolder = ModelSet.load(new ModelProperties(folder, folder.resolve("none"), "x"));
        assertThat(fromFolder.resources()).containsOnlyKeys("eligibility.dmn");

        ModelSet packaged = ModelSet.load(new ModelProperties(folder.resolve("missing"), folder.resolve("none"), "x"));
        assertThat(packaged.origin()).isEqualTo("packaged copy");
        assertThat(packaged.resources()).containsKeys("exchange-proposal.bpmn", "proposal-review.bpmn",
                "eligibility.dmn");
    }
}
