package org.pkcn.exchange.proposal.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.proposal.Attachments;
import org.pkcn.exchange.proposal.Proposals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** What the API tests share: a second applicant, calls with HTTP Basic, and a look at everything stored. */
abstract class ApiScenario extends ProcessScenario {

    static final String OTHER_APPLICANT = "other-applicant";
    static final String PASSWORD = "demo";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Proposals proposals;
    @Autowired Attachments attachments;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void secondApplicantExists() {
        identityService.clearAuthentication();
        if (identityService.createUserQuery().userId(OTHER_APPLICANT).count() == 0) {
            User user = identityService.newUser(OTHER_APPLICANT);
            user.setFirstName("Li");
            user.setLastName("Na");
            user.setEmail("li.na@bir.example.cn");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(OTHER_APPLICANT, "applicants");
        }
    }

    ResultActions call(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, PASSWORD)).accept(MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON));
    }

    ResultActions submitAs(String user, Map<String, Object> fields) throws Exception {
        return call(user, MockMvcRequestBuilders.post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(fields)));
    }

    /** Submits as this applicant and returns the reference. */
    String submitted(String user, Map<String, Object> fields) throws Exception {
        String body = submitAs(user, fields).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("reference").asText();
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** Counts of everything a request could leave behind: proposals, attachments, instances, jobs, mail. */
    record Stored(long proposals, long attachments, long instances, long historicInstances, long jobs, long mails,
            long mailsReceived, long statusChanges) {
    }

    Stored stored() {
        long changes = jdbc.queryForObject("select count(*) from status_change", Long.class);
        return new Stored(proposals.count(), attachments.count(), runtimeService.createProcessInstanceQuery().count(),
                historyService.createHistoricProcessInstanceQuery().count(), managementService.createJobQuery().count(),
                jdbc.queryForObject("select count(*) from sent_mail", Long.class), smtp.getReceivedMessages().length, changes);
    }

    /** Runs the pending asynchronous step (a mail) of the running review of this proposal. */
    void runReviewStep(String reference) {
        var job = managementService.createJobQuery().processInstanceId(review(reference).getId()).messages()
                .singleResult();
        org.assertj.core.api.Assertions.assertThat(job).as("a pending step in the review of %s", reference).isNotNull();
        managementService.executeJob(job.getId());
    }

    /** A proposal waiting for the applicant's revision, as STZA asked. */
    String changesRequested(String user) throws Exception {
        String reference = submitted(user, org.pkcn.exchange.process.SampleProposals.jointAiResearch());
        runPendingStep(reference);
        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Name the two mills of the pilot.");
        runReviewStep(reference);
        return reference;
    }

    static List<String> fieldsOf(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }
}
