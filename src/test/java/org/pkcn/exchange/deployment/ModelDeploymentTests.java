package org.pkcn.exchange.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.deployment.DeploymentOutcome.Result;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The models are deployed from the folders as one set, and only when something changed; a restart keeps a newer
 * version from elsewhere, and broken folders never replace a working version.
 */
@ExchangeTest
class ModelDeploymentTests {

    @Autowired ModelDeployer deployer;
    @Autowired Redeployments redeployments;
    @Autowired RepositoryService repositoryService;
    @Autowired ModelProperties properties;
    @Autowired DeploymentRecords records;
    @Autowired ModelValidator validator;
    @Autowired ModelSetLocks locks;
    @Autowired PlatformTransactionManager transactions;
    @Autowired IdentityService identityService;

    @AfterEach
    void theFoldersSetIsTheNewestAgain() {
        redeployments.fromFolders(false);
    }

    @Test
    void atStartUp_theWholeSetIsDeployedWithRelativeNames() {
        String fromFolders = records.findFirstByDeploymentNameAndSourceOrderByDeployedAtDesc(properties.deploymentName(),
                DeploymentSource.FOLDER).orElseThrow().deploymentId();
        assertThat(repositoryService.getDeploymentResourceNames(fromFolders))
                .contains("exchange-proposal.bpmn", "proposal-review.bpmn", "eligibility.dmn", "forms/review-proposal.form");
        assertThat(repositoryService.createDeploymentQuery().deploymentId(fromFolders).singleResult().getSource())
                .startsWith("folder ");
        assertThat(redeployments.foldersMatchNewest()).isTrue();
    }

    @Test
    void unchangedSet_createsNoNewVersion() {
        long versions = repositoryService.createProcessDefinitionQuery().processDefinitionKey("exchange-proposal").count();

        assertThat(deployer.deploy(ModelSet.load(properties), DeploymentSource.FOLDER, false).result())
                .isEqualTo(Result.UNCHANGED);
        assertThat(redeployments.upload(ModelFiles.files(ModelFiles.MAIN, ModelFiles.original(ModelFiles.MAIN)),
                DeploymentSource.UPLOAD, "test", false).result()).isEqualTo(Result.UNCHANGED);

        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("exchange-proposal").count())
                .isEqualTo(versions);
    }

    @Test
    void aChangedFile_deploysTheWholeSet_andSaysWhoAndFromWhere() {
        String changed = ModelFiles.original(ModelFiles.ELIGIBILITY).replace("Screen eligibility", "Screen eligibility (2)");

        DeploymentOutcome outcome = redeployments.upload(ModelFiles.files("eligibility.dmn", changed),
                DeploymentSource.UPLOAD, "administration page", false);

        assertThat(outcome.result()).isEqualTo(Result.DEPLOYED);
        assertThat(outcome.changedFiles()).containsExactly(ModelFiles.ELIGIBILITY);
        assertThat(repositoryService.getDeploymentResourceNames(outcome.deploymentId())).containsExactlyInAnyOrderElementsOf(
                ModelSet.load(properties).resources().keySet());
        DeploymentRecord record = records.findById(outcome.deploymentId()).orElseThrow();
        assertThat(record.source()).isEqualTo(DeploymentSource.UPLOAD);
        assertThat(record.deployedBy()).isEqualTo(ModelDeployer.SYSTEM);
        assertThat(record.origin()).isEqualTo("administration page: eligibility.dmn");
    }

    @Test
    void aRestart_keepsANewerVersionFromAnUpload_whileTheFoldersAreUnchanged() {
        String changed = ModelFiles.original(ModelFiles.ELIGIBILITY).replace("Screen eligibility", "Screen eligibility (3)");
        String uploaded = redeployments.upload(ModelFiles.files("eligibility.dmn", changed), DeploymentSource.UPLOAD,
                "test", false).deploymentId();

        deployer.deployAtStartUp();

        assertThat(newestDeploymentId()).isEqualTo(uploaded);
        assertThat(redeployments.foldersMatchNewest()).isFalse();
    }

    @Test
    void aDryRun_deploysNothing() {
        String changed = ModelFiles.original(ModelFiles.ELIGIBILITY).replace("Screen eligibility", "Screen eligibility (4)");
        String newest = newestDeploymentId();

        DeploymentOutcome outcome = redeployments.upload(ModelFiles.files("eligibility.dmn", changed),
                DeploymentSource.UPLOAD, "test", true);

        assertThat(outcome.result()).isEqualTo(Result.VALID);
        assertThat(outcome.changedFiles()).containsExactly(ModelFiles.ELIGIBILITY);
        assertThat(newestDeploymentId()).isEqualTo(newest);
    }

    @Test
    void aBrokenFolderAtStartUp_leavesTheNewestVersionInService_orStopsTheStartWhenThereIsNone(@TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve(ModelFiles.MAIN),
                ModelFiles.original(ModelFiles.MAIN).replace("${registerProposal}", "${noSuchBean}"));
        String newest = newestDeploymentId();

        deployerFor(new ModelProperties(folder, folder.resolve("forms"), properties.deploymentName())).deployAtStartUp();
        assertThat(newestDeploymentId()).isEqualTo(newest);

        assertThatThrownBy(() -> deployerFor(new ModelProperties(folder, folder.resolve("forms"), "a-new-set"))
                .deployAtStartUp()).isInstanceOf(IllegalStateException.class).hasMessageContaining("noSuchBean");
        assertThat(repositoryService.createDeploymentQuery().deploymentName("a-new-set").count()).isZero();
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

    private ModelDeployer deployerFor(ModelProperties elsewhere) {
        return new ModelDeployer(repositoryService, identityService, elsewhere, validator, records, locks, transactions);
    }

    private String newestDeploymentId() {
        return repositoryService.createDeploymentQuery().deploymentName(properties.deploymentName())
                .orderByDeploymentTime().desc().listPage(0, 1).get(0).getId();
    }
}
