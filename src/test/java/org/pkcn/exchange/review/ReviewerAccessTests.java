package org.pkcn.exchange.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.BasicAuth.basic;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_APPLICANT_NAME;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_REFERENCE;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_SECTOR;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_TITLE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.WebappSession;
import org.pkcn.exchange.identity.ProgrammeGroups;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What reviewers and applicants may do through the engine's REST API (the Tasklist uses the same
 * engine and the same authorizations): each party sees and works only its own tasks, only the
 * assignee decides, and two people deciding at once get one decision and a clear conflict.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewerAccessTests extends ProcessScenario {

    private static final String DEMO = "demo";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired AuthorizationService authorizationService;

    @Test
    void anonymousCallers_areRefused() throws Exception {
        assertThat(call("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/engine-rest/task", "nobody", "guess", null).statusCode()).isEqualTo(401);
    }

    @Test
    void stzaReviewer_seesStzaTasksOnly_andCannotTouchZbrasTask() throws Exception {
        String atStza = acknowledged(SampleProposals.jointAiResearch());
        String atZbra = acknowledged(SampleProposals.jointAiResearch());
        decideAsEngine(atZbra, STZA_REVIEWER);
        Task zbraTask = reviewTask(atZbra);

        List<String> seen = referencesOfTasksSeenBy(STZA_REVIEWER);
        assertThat(seen).contains(atStza).doesNotContain(atZbra);
        assertThat(referencesOfTasksSeenBy(ZBRA_REVIEWER)).contains(atZbra).doesNotContain(atStza);

        assertThat(call("POST", "/engine-rest/task/" + zbraTask.getId() + "/claim", STZA_REVIEWER,
                "{\"userId\":\"stza-reviewer\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/engine-rest/task/" + zbraTask.getId() + "/complete", STZA_REVIEWER,
                decision("REJECT", "not ours")).statusCode()).isEqualTo(403);
        assertThat(reviewTask(atZbra).getAssignee()).isNull();
        assertThat(statusHistory(atZbra)).containsExactly(ProposalStatus.SUBMITTED, ProposalStatus.STZA_APPROVED);
    }

    @Test
    void eachReview_livesInItsPartysSpace_withoutAGrantPerTaskAndGroup() throws Exception {
        String atStza = acknowledged(SampleProposals.jointAiResearch());
        String atZbra = acknowledged(SampleProposals.jointAiResearch());
        decideAsEngine(atZbra, STZA_REVIEWER);

        assertThat(reviewTask(atStza).getTenantId()).isEqualTo(Party.STZA.reviewSpace());
        assertThat(reviewTask(atZbra).getTenantId()).isEqualTo(Party.ZBRA.reviewSpace());
        assertThat(review(atZbra).getTenantId()).isEqualTo(Party.ZBRA.reviewSpace());
        // One grant per waiting task and group made every inbox query grow with the square of the queue.
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .groupIdIn(ProgrammeGroups.REVIEW_GROUPS.toArray(String[]::new)).count()).isZero();
        // The main process stays shared: an applicant follows it whichever party reviews.
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(mainInstanceId(atZbra))
                .singleResult().getTenantId()).isNull();
    }

    @Test
    void unclaimedTask_cannotBeDecided() throws Exception {
        String reference = acknowledged(SampleProposals.jointAiResearch());
        var response = call("POST", "/engine-rest/task/" + reviewTask(reference).getId() + "/complete", STZA_REVIEWER,
                decision("APPROVE", ""));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Claim the task before deciding");
        assertThat(statusHistory(reference)).containsExactly(ProposalStatus.SUBMITTED);
    }

    @Test
    void taskAssignedToAColleague_isDecidedByThatColleagueOnly() throws Exception {
        String reference = acknowledged(SampleProposals.jointAiResearch());
        String task = reviewTask(reference).getId();
        assertThat(call("POST", "/engine-rest/task/" + task + "/claim", STZA_REVIEWER,
                "{\"userId\":\"stza-reviewer\"}").statusCode()).isEqualTo(204);
        // Handing it over to the supervisor of the same party.
        assertThat(call("POST", "/engine-rest/task/" + task + "/assignee", STZA_REVIEWER,
                "{\"userId\":\"stza-supervisor\"}").statusCode()).isEqualTo(204);

        var byFormerAssignee = call("POST", "/engine-rest/task/" + task + "/complete", STZA_REVIEWER,
                decision("APPROVE", ""));
        assertThat(byFormerAssignee.statusCode()).isEqualTo(403);
        assertThat(byFormerAssignee.body()).contains("Only stza-supervisor");

        assertThat(call("POST", "/engine-rest/task/" + task + "/complete", "stza-supervisor",
                decision("APPROVE", "")).statusCode()).isEqualTo(204);
        assertThat(latest(reference, ProposalStatus.STZA_APPROVED).actor()).isEqualTo("stza-supervisor");
    }

    @Test
    void rejectionWithoutComment_isABadRequest() throws Exception {
        String reference = acknowledged(SampleProposals.jointAiResearch());
        String task = reviewTask(reference).getId();
        call("POST", "/engine-rest/task/" + task + "/claim", STZA_REVIEWER, "{\"userId\":\"stza-reviewer\"}");

        var response = call("POST", "/engine-rest/task/" + task + "/complete", STZA_REVIEWER, decision("REJECT", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("comment is required");
        assertThat(reviewTask(reference)).isNotNull();
    }

    @Test
    void twoReviewersClaimingAtOnce_oneWinsTheOtherHearsOfTheConflict() throws Exception {
        String reference = acknowledged(SampleProposals.jointAiResearch());
        String task = reviewTask(reference).getId();

        List<Integer> statuses = all(
                () -> call("POST", "/engine-rest/task/" + task + "/claim", STZA_REVIEWER,
                        "{\"userId\":\"stza-reviewer\"}").statusCode(),
                () -> call("POST", "/engine-rest/task/" + task + "/claim", "stza-supervisor",
                        "{\"userId\":\"stza-supervisor\"}").statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(204, 409);
    }

    @Test
    void theSameDecisionSentTwiceAtOnce_isRecordedOnce() throws Exception {
        String reference = acknowledged(SampleProposals.jointAiResearch());
        String task = reviewTask(reference).getId();
        call("POST", "/engine-rest/task/" + task + "/claim", STZA_REVIEWER, "{\"userId\":\"stza-reviewer\"}");

        List<Integer> statuses = all(
                () -> call("POST", "/engine-rest/task/" + task + "/complete", STZA_REVIEWER,
                        decision("REJECT", "first")).statusCode(),
                () -> call("POST", "/engine-rest/task/" + task + "/complete", STZA_REVIEWER,
                        decision("REJECT", "second")).statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(204, 404);
        assertThat(statusHistory(reference)).containsExactly(ProposalStatus.SUBMITTED, ProposalStatus.REJECTED);
    }

    @Test
    void aTaskDecidedMeanwhile_isNotFound() throws Exception {
        var response = call("POST", "/engine-rest/task/no-such-task/complete", STZA_REVIEWER, decision("APPROVE", ""));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("completed meanwhile");
    }

    @Test
    void filters_areThereForEachGroup() throws Exception {
        assertThat(filterNamesSeenBy(STZA_REVIEWER)).contains("STZA inbox", "Overdue", "My tasks")
                .doesNotContain("ZBRA inbox");
        assertThat(filterNamesSeenBy(ZBRA_REVIEWER)).contains("ZBRA inbox", "Overdue", "My tasks")
                .doesNotContain("STZA inbox");
        assertThat(filterNamesSeenBy(APPLICANT)).containsExactly("My tasks");
    }

    @Test
    void eachInbox_listsItsPartysReviews_claimedOrNot_butNotTheRevisionsApplicantsOweIt() throws Exception {
        String waiting = acknowledged(SampleProposals.jointAiResearch());
        String claimed = acknowledged(SampleProposals.jointAiResearch());
        taskService.claim(reviewTask(claimed).getId(), STZA_REVIEWER);
        String withTheApplicant = acknowledged(SampleProposals.jointAiResearch());
        decide(withTheApplicant, STZA_REVIEWER, "REQUEST_CHANGES", "Please name the two mills of the pilot");
        managementService.executeJob(managementService.createJobQuery()
                .processInstanceId(review(withTheApplicant).getId()).messages().singleResult().getId());
        assertThat(revisionTask(withTheApplicant).getTenantId()).isEqualTo(Party.STZA.reviewSpace());
        String atZbra = acknowledged(SampleProposals.jointAiResearch());
        decideAsEngine(atZbra, STZA_REVIEWER);

        assertThat(referencesInFilter(STZA_REVIEWER, "STZA inbox")).contains(waiting, claimed)
                .doesNotContain(withTheApplicant, atZbra);
        assertThat(referencesInFilter(ZBRA_REVIEWER, "ZBRA inbox")).contains(atZbra)
                .doesNotContain(waiting, claimed, withTheApplicant);
        assertThat(referencesInFilter(APPLICANT, "My tasks")).contains(withTheApplicant);
    }

    @Test
    void filterColumns_areShownToThoseWhoSeeTheTask() throws Exception {
        String reference = acknowledged(SampleProposals.jointAiResearch());

        assertThat(columnsInFilter(STZA_REVIEWER, "STZA inbox", reference)).containsEntry(LIST_REFERENCE, reference)
                .containsEntry(LIST_TITLE, "AI for textile quality control")
                .containsEntry(LIST_APPLICANT_NAME, "Lahore Textile Analytics (Pvt) Ltd")
                .containsEntry(LIST_SECTOR, "ARTIFICIAL_INTELLIGENCE");

        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Please name the two mills of the pilot");
        managementService.executeJob(managementService.createJobQuery().processInstanceId(review(reference).getId())
                .messages().singleResult().getId());
        assertThat(columnsInFilter(APPLICANT, "My tasks", reference)).containsEntry(LIST_REFERENCE, reference)
                .containsEntry(LIST_TITLE, "AI for textile quality control");
    }

    @Test
    void reviewersAndApplicants_cannotOpenCockpitOrAdmin() throws Exception {
        for (String user : List.of(STZA_REVIEWER, "zbra-supervisor", APPLICANT)) {
            assertThat(webappLogin(user, "cockpit")).as(user + " in Cockpit").isEqualTo(403);
            assertThat(webappLogin(user, "admin")).as(user + " in Admin").isEqualTo(403);
            assertThat(webappLogin(user, "tasklist")).as(user + " in Tasklist").isEqualTo(200);
        }
        assertThat(webappLogin("admin", "cockpit")).isEqualTo(200);
    }

    private String acknowledged(java.util.Map<String, Object> fields) {
        String reference = referenceOf(submit(fields));
        runPendingStep(reference);
        return reference;
    }

    private void decideAsEngine(String reference, String reviewer) {
        decide(reference, reviewer, "APPROVE", "");
    }

    private List<String> referencesOfTasksSeenBy(String user) throws Exception {
        JsonNode tasks = json.readTree(call("GET", "/engine-rest/task?taskDefinitionKey=Task_ReviewProposal&maxResults=1000",
                user, null).body());
        List<String> references = new ArrayList<>();
        for (JsonNode task : tasks) {
            references.add(runtimeService.createProcessInstanceQuery()
                    .processInstanceId(task.get("processInstanceId").asText()).singleResult().getBusinessKey());
        }
        return references;
    }

    /** The columns (variables) the Tasklist gets for this proposal's task in the user's filter of this name. */
    private java.util.Map<String, String> columnsInFilter(String user, String filterName, String reference)
            throws Exception {
        List<java.util.Map<String, String>> rows = rowsInFilter(user, filterName);
        return rows.stream().filter(columns -> reference.equals(columns.get(LIST_REFERENCE))).findFirst()
                .orElseThrow(() -> new AssertionError(user + " finds no task with the column " + LIST_REFERENCE
                        + " = " + reference + " in " + filterName + ": " + rows));
    }

    /** The proposals whose tasks the Tasklist lists in the user's filter of this name. */
    private List<String> referencesInFilter(String user, String filterName) throws Exception {
        return rowsInFilter(user, filterName).stream().map(columns -> columns.get(LIST_REFERENCE)).toList();
    }

    /** The rows the Tasklist shows in the user's filter of this name: each task's columns (variables). */
    private List<java.util.Map<String, String>> rowsInFilter(String user, String filterName) throws Exception {
        String filterId = null;
        for (JsonNode filter : json.readTree(call("GET", "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100",
                user, null).body())) {
            if (filter.get("name").asText().equals(filterName)) {
                filterId = filter.get("id").asText();
            }
        }
        assertThat(filterId).as("%s's filter %s", user, filterName).isNotNull();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/filter/" + filterId
                        + "/list?firstResult=0&maxResults=1000"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                .header("Accept", "application/hal+json").header("Authorization", basic(user, DEMO)).build();
        JsonNode tasks = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                .path("_embedded").path("task");
        List<java.util.Map<String, String>> rows = new ArrayList<>();
        for (JsonNode task : tasks) {
            java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
            task.path("_embedded").path("variable").forEach(variable -> columns.put(variable.get("name").asText(),
                    variable.get("value").asText()));
            rows.add(columns);
        }
        return rows;
    }

    private List<String> filterNamesSeenBy(String user) throws Exception {
        List<String> names = new ArrayList<>();
        json.readTree(call("GET", "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=100", user, null).body())
                .forEach(filter -> names.add(filter.get("name").asText()));
        return names;
    }

    /** Logs in to a webapp as its login page does: with the CSRF token the webapp handed out first. */
    private int webappLogin(String user, String app) throws Exception {
        return new WebappSession("http://localhost:" + port, app).signIn(user, DEMO);
    }

    private static String decision(String decision, String comment) {
        return "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\"},\"comment\":{\"value\":\"" + comment
                + "\"}}}";
    }

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", basic(user, DEMO));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String user, String password, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", basic(user, password));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SafeVarargs
    private static List<Integer> all(Callable<Integer>... calls) throws Exception {
        var pool = Executors.newFixedThreadPool(calls.length);
        var start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (Callable<Integer> call : calls) {
            results.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        return statuses;
    }
}
