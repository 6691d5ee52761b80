package org.pkcn.exchange.deployment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.deployment.web.AdminClient.ADMIN;
import static org.pkcn.exchange.deployment.web.AdminClient.REVIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.deployment.ModelFiles;
import org.pkcn.exchange.deployment.Redeployments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The administration page and its API: administrators only, versions with who and from where, uploads validated
 * whole (422 listing every problem, or a dry run), and no state change from another site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelAdministrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANGED_DMN = ModelFiles.original(ModelFiles.ELIGIBILITY)
            .replace("Screen eligibility", "Screen eligibility for the 2027 call");

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired Redeployments redeployments;
    @Autowired ManagementService managementService;

    private AdminClient client;

    @BeforeEach
    void client() {
        client = new AdminClient(port);
    }

    @AfterEach
    void theFoldersSetIsTheNewestAgain() {
        redeployments.fromFolders(false);
    }

    @Test
    void pageAndApi_areForAdministratorsOnly() throws Exception {
        for (String path : new String[] {"/admin/models", "/admin/api/models", "/admin/models/models.js"}) {
            HttpResponse<String> anonymous = client.get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic ");
            assertThat(client.get(path, REVIEWER).statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> page = client.get("/admin/models", ADMIN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Redeploy from folders", "/admin/models/models.js");
        assertThat(client.postMultipart("/admin/api/models/uploads", REVIEWER, Map.of(), "files",
                Map.of("eligibility.dmn", CHANGED_DMN.getBytes()), Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void overview_listsEachVersion_whoDeployedItFromWhere_andHowManyRunOnIt() throws Exception {
        upload(false, Map.of("eligibility.dmn", CHANGED_DMN.getBytes()));

        JsonNode overview = JSON.readTree(client.get("/admin/api/models", ADMIN).body());

        assertThat(overview.path("foldersMatchNewest").asBoolean()).isFalse();
        JsonNode main = definition(overview.path("processes"), "exchange-proposal");
        assertThat(main.path("name").asText()).isEqualTo("Exchange proposal");
        JsonNode newest = main.path("versions").get(0);
        assertThat(newest.path("running").isNumber()).isTrue();
        assertThat(newest.path("deployment").path("deployedBy").asText()).isEqualTo(ADMIN);
        assertThat(newest.path("deployment").path("source").asText()).isEqualTo("UPLOAD");
        assertThat(newest.path("deployment").path("origin").asText())
                .isEqualTo("upload on the administration page: eligibility.dmn");
        assertThat(main.path("versions").get(1).path("version").asInt())
                .isEqualTo(newest.path("version").asInt() - 1);
        JsonNode eligibility = definition(overview.path("decisions"), "eligibility");
        assertThat(eligibility.path("versions").get(0).path("deployment").path("deploymentId").asText())
                .isEqualTo(newest.path("deployment").path("deploymentId").asText());
        assertThat(eligibility.path("versions").get(0).has("running")).isTrue();
    }

    @Test
    void anUploadWithProblems_is422WithEachProblem_andADryRunDeploysNothing() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();
        String badForm = ModelFiles.replaced(ModelFiles.REVIEW_FORM, "\"key\": \"decision\"", "\"key\": \"verdict\"");

        HttpResponse<String> refused = upload(false, Map.of("review-proposal.form", badForm.getBytes(),
                "notes.txt", "hello".getBytes()));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("problems").findValuesAsText("file")).containsExactly("notes.txt");

        refused = upload(false, Map.of("review-proposal.form", badForm.getBytes()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).path("problems").get(0).path("element").asText()).isEqualTo("Field_Decision");

        HttpResponse<String> dryRun = upload(true, Map.of("eligibility.dmn", CHANGED_DMN.getBytes()));
        assertThat(dryRun.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(dryRun.body()).path("result").asText()).isEqualTo("VALID");
        assertThat(JSON.readTree(dryRun.body()).path("changedFiles").get(0).asText()).isEqualTo("eligibility.dmn");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void redeployFromFolders_andRollBack_throughTheApi() throws Exception {
        JsonNode fromFolders = JSON.readTree(client.postJson("/admin/api/models/folders?dryRun=true", ADMIN, "").body());
        assertThat(fromFolders.path("result").asText()).isEqualTo("UNCHANGED");
        String folderVersion = fromFolders.path("deploymentId").asText();
        upload(false, Map.of("eligibility.dmn", CHANGED_DMN.getBytes()));

        HttpResponse<String> rolledBack = client.postJson("/admin/api/models/rollbacks?deploymentId=" + folderVersion,
                ADMIN, "");

        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(rolledBack.body());
        assertThat(outcome.path("result").asText()).isEqualTo("DEPLOYED");
        assertThat(outcome.path("newVersions").toString()).contains("eligibility version ");
        assertThat(client.postJson("/admin/api/models/rollbacks?deploymentId=nope", ADMIN, "").statusCode())
                .isEqualTo(404);
    }

    @Test
    void migrationDryRunAndMigration_throughTheApi() throws Exception {
        upload(false, Map.of("eligibility.dmn", CHANGED_DMN.getBytes()));
        JsonNode versions = definition(JSON.readTree(client.get("/admin/api/models", ADMIN).body()).path("processes"),
                "proposal-review").path("versions");
        String migration = "{\"sourceDefinitionId\":\"" + versions.get(1).path("definitionId").asText()
                + "\",\"targetDefinitionId\":\"" + versions.get(0).path("definitionId").asText() + "\"}";

        HttpResponse<String> dryRun = client.postJson("/admin/api/models/migrations/dry-run", ADMIN, migration);

        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(dryRun.body());
        assertThat(report.path("target").path("version").asInt()).isEqualTo(versions.get(0).path("version").asInt());
        assertThat(report.path("mapped").findValuesAsText("sourceActivityId")).contains("Task_ReviewProposal");
        assertThat(report.path("instances").isArray()).isTrue();
        HttpResponse<String> started = client.postJson("/admin/api/models/migrations", ADMIN, migration);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode status = JSON.readTree(started.body());
        assertThat(status.path("state").asText()).isIn("RUNNING", "NOTHING_TO_MOVE");
        if (!status.path("batchId").isNull()) {
            managementService.deleteBatch(status.path("batchId").asText(), true); // the job executor is off in tests
        }

        String sameVersion = "{\"sourceDefinitionId\":\"" + versions.get(0).path("definitionId").asText()
                + "\",\"targetDefinitionId\":\"" + versions.get(0).path("definitionId").asText() + "\"}";
        assertThat(client.postJson("/admin/api/models/migrations/dry-run", ADMIN, sameVersion).statusCode()).isEqualTo(400);
    }

    @Test
    void aStateChangeSentByABrowserFromAnotherSite_isRefused() throws Exception {
        HttpResponse<String> crossSite = client.postMultipart("/admin/api/models/uploads", ADMIN, Map.of(), "files",
                Map.of("eligibility.dmn", CHANGED_DMN.getBytes()), Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> otherOrigin = client.postMultipart("/admin/api/models/uploads?dryRun=true", ADMIN, Map.of(),
                "files", Map.of("eligibility.dmn", CHANGED_DMN.getBytes()), Map.of("Origin", "https://evil.example"));
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        HttpResponse<String> sameOrigin = client.postMultipart("/admin/api/models/uploads?dryRun=true", ADMIN, Map.of(),
                "files", Map.of("eligibility.dmn", CHANGED_DMN.getBytes()),
                Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"));
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> upload(boolean dryRun, Map<String, byte[]> files) throws Exception {
        return client.postMultipart("/admin/api/models/uploads?dryRun=" + dryRun, ADMIN, Map.of(), "files", files,
                Map.of());
    }

    private static JsonNode definition(JsonNode definitions, String key) {
        for (JsonNode definition : definitions) {
            if (definition.path("key").asText().equals(key)) {
                return definition;
            }
        }
        throw new AssertionError(key + " not listed");
    }
}
