package org.pkcn.exchange.deployment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.deployment.web.AdminClient.ADMIN;
import static org.pkcn.exchange.deployment.web.AdminClient.REVIEWER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.deployment.ModelFiles;
import org.pkcn.exchange.deployment.Redeployments;
import org.pkcn.exchange.process.ExchangeProposalProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda Modeler's Deploy button against this application: the request as the Modeler sends it, through the same
 * validation and deployment as the administration page; the engine REST API's authentication and the rule that only
 * administrators deploy still hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelerDeploymentTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE = "/engine-rest/deployment/create";
    /** A changed decision table: the call no longer covers robotics. */
    private static final String CHANGED_DMN = ModelFiles.replaced(ModelFiles.ELIGIBILITY,
            "\"ARTIFICIAL_INTELLIGENCE\",\"ROBOTICS\",\"FINTECH\"", "\"ARTIFICIAL_INTELLIGENCE\",\"FINTECH\"");

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired Redeployments redeployments;

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
    void withoutCredentials_401_asAReviewer_403_andNothingIsDeployed() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();

        assertThat(modelerDeploys(null, CHANGED_DMN).statusCode()).isEqualTo(401);
        HttpResponse<String> asReviewer = modelerDeploys(REVIEWER, CHANGED_DMN);
        assertThat(asReviewer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(asReviewer.body()).path("type").asText()).isEqualTo("AuthorizationException");

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void asAnAdministrator_theWholeSetIsDeployed_andTheModelerHearsAsFromTheEngine() throws Exception {
        int decisionVersion = newestDecisionVersion();

        HttpResponse<String> response = modelerDeploys(ADMIN, CHANGED_DMN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode deployment = JSON.readTree(response.body());
        String id = deployment.path("id").asText();
        assertThat(deployment.path("name").asText()).isEqualTo("exchange-proposal");
        assertThat(deployment.path("deployedDecisionDefinitions").size()).isEqualTo(1);
        assertThat(deployment.path("deployedProcessDefinitions").size()).isEqualTo(2);
        assertThat(deployment.path("links").get(0).path("href").asText()).endsWith("/engine-rest/deployment/" + id);
        assertThat(newestDecisionVersion()).isEqualTo(decisionVersion + 1);
        assertThat(repositoryService.getDeploymentResourceNames(id)).contains(ModelFiles.MAIN, ModelFiles.REVIEW,
                ModelFiles.REVIEW_FORM);

        JsonNode listed = deploymentListed(id);
        assertThat(listed.path("source").asText()).isEqualTo("MODELER");
        assertThat(listed.path("deployedBy").asText()).isEqualTo(ADMIN);
        assertThat(listed.path("origin").asText()).isEqualTo("Camunda Modeler (deployment name 'eligibility'): "
                + "eligibility.dmn");

        HttpResponse<String> again = modelerDeploys(ADMIN, CHANGED_DMN);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("id").asText()).as("unchanged: the newest deployment").isEqualTo(id);
        assertThat(newestDecisionVersion()).isEqualTo(decisionVersion + 1);
    }

    @Test
    void aBrokenModel_422ListingEachProblem_andNoVersionOfAnyFile() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();
        String broken = ModelFiles.mainWith("<bpmn:scriptTask id=\"Task_TidyUp\" scriptFormat=\"groovy\"><bpmn:script>"
                + "1</bpmn:script></bpmn:scriptTask>").replace("${registerProposal}", "${noSuchBean}");

        String formMissing = ModelFiles.replaced(ModelFiles.REVIEW, "camunda:formRef=\"review-proposal\"",
                "camunda:formRef=\"review-form\"");

        HttpResponse<String> response = client.postMultipart(CREATE, ADMIN, modelerFields("exchange-proposal"), null,
                Map.of(ModelFiles.MAIN, broken.getBytes(), ModelFiles.REVIEW, formMissing.getBytes(),
                        "eligibility.dmn", CHANGED_DMN.getBytes(), "half.bpmn", "<definitions><process>".getBytes()),
                Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("problems")).hasSize(4);
        assertThat(problem.path("problems").findValuesAsText("file")).containsExactly(ModelFiles.MAIN, ModelFiles.MAIN,
                ModelFiles.REVIEW, "half.bpmn");
        assertThat(problem.path("problems").findValues("element")).extracting(JsonNode::textValue)
                .containsExactly("Task_RegisterProposal", "Task_TidyUp", "Task_ReviewProposal", null);
        problem.path("problems").forEach(each -> assertThat(each.path("line").asInt()).as(each.toString()).isPositive());
        assertThat(problem.path("message").asText()).contains("noSuchBean", "script task", "review-form",
                "not well-formed XML");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void byTheEnginesName_theSameRoute() throws Exception {
        HttpResponse<String> response = client.postMultipart("/engine-rest/engine/default/deployment/create", ADMIN,
                modelerFields("eligibility"), null, Map.of("eligibility.dmn", "<definitions/>".getBytes()), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).path("problems").get(0).path("file").asText())
                .isEqualTo("eligibility.dmn");
    }

    @Test
    void theEnginesRedeploy_isARollBack_andNeverHalfASet() throws Exception {
        String before = newestDeploymentId();
        redeployments.upload(ModelFiles.files(ModelFiles.ELIGIBILITY, CHANGED_DMN),
                org.pkcn.exchange.deployment.DeploymentSource.UPLOAD, "test", false);

        HttpResponse<String> half = client.postJson("/engine-rest/deployment/" + before + "/redeploy", ADMIN,
                "{\"resourceNames\":[\"eligibility.dmn\"]}");
        assertThat(half.statusCode()).isEqualTo(400);
        assertThat(client.postJson("/engine-rest/deployment/" + before + "/redeploy", REVIEWER, "{}").statusCode())
                .isEqualTo(403);

        HttpResponse<String> whole = client.postJson("/engine-rest/deployment/" + before + "/redeploy", ADMIN, "{}");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        String rolledBack = JSON.readTree(whole.body()).path("id").asText();
        assertThat(rolledBack).isEqualTo(newestDeploymentId());
        assertThat(deploymentListed(rolledBack).path("source").asText()).isEqualTo("ROLLBACK");
        assertThat(new String(repositoryService.getResourceAsStream(rolledBack, ModelFiles.ELIGIBILITY).readAllBytes()))
                .isEqualTo(ModelFiles.original(ModelFiles.ELIGIBILITY));
    }

    private HttpResponse<String> modelerDeploys(String user, String dmn) throws Exception {
        return client.postMultipart(CREATE, user, modelerFields("eligibility"), null,
                Map.of("eligibility.dmn", dmn.getBytes()), Map.of());
    }

    /** The fields Camunda Modeler sends beside the files. */
    private static Map<String, String> modelerFields(String deploymentName) {
        return Map.of("deployment-name", deploymentName, "deployment-source", "Camunda Modeler",
                "deploy-changed-only", "true");
    }

    private JsonNode deploymentListed(String deploymentId) throws Exception {
        JsonNode overview = JSON.readTree(client.get("/admin/api/models", ADMIN).body());
        for (JsonNode deployment : overview.path("deployments")) {
            if (deployment.path("deploymentId").asText().equals(deploymentId)) {
                return deployment;
            }
        }
        throw new AssertionError("deployment " + deploymentId + " not listed");
    }

    private int newestDecisionVersion() {
        return repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ExchangeProposalProcess.ELIGIBILITY_DECISION).latestVersion().singleResult()
                .getVersion();
    }

    private String newestDeploymentId() {
        return repositoryService.createDeploymentQuery().deploymentName("exchange-proposal").orderByDeploymentTime()
                .desc().listPage(0, 1).get(0).getId();
    }
}
