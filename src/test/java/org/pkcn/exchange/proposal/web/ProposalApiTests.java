package org.pkcn.exchange.proposal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.proposal.ProposalFields;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/** The applicants' API: submit, list, read, revise, withdraw, documents; each applicant sees only their own. */
@ExchangeTest
@AutoConfigureMockMvc
class ProposalApiTests extends ApiScenario {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void submission_answers201WithLocationAndReference_andStartsTheProcessAsTheApplicant() throws Exception {
        JsonNode created = body(submitAs(APPLICANT, SampleProposals.jointAiResearch())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/api/proposals/PKCN-\\d{4}-\\d{5}"))));

        String reference = created.get("reference").asText();
        assertThat(created.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(created.at("/progress/step").asText()).isEqualTo("REVIEW");
        assertThat(created.at("/progress/nextActionBy").asText()).isEqualTo("STZA reviewers");
        assertThat(created.at("/fields/title").asText()).isEqualTo("AI for textile quality control");
        assertThat(registry.get(reference).applicantUser()).isEqualTo(APPLICANT);
        assertThat(runtimeService.getVariable(mainInstanceId(reference), "applicantUser")).isEqualTo(APPLICANT);
    }

    @Test
    void anIneligibleSubmission_isAnswered201_withTheScreeningAlreadyDone() throws Exception {
        JsonNode created = body(submitAs(APPLICANT, SampleProposals.with(SampleProposals.jointAiResearch(),
                ProposalFields.DURATION_MONTHS, 48L)).andExpect(status().isCreated()));

        assertThat(created.get("status").asText()).isEqualTo("SCREENED_OUT");
        assertThat(created.at("/progress/step").asText()).isEqualTo("CLOSED");
        assertThat(created.get("attachments")).isEmpty();
    }

    @Test
    void list_holdsTheCallersOwnProposalsOnly() throws Exception {
        String mine = submitted(APPLICANT, SampleProposals.jointAiResearch());
        String theirs = submitted(OTHER_APPLICANT, SampleProposals.dockingRequestInChinese());

        JsonNode page = body(call(APPLICANT, get("/api/proposals?size=100")).andExpect(status().isOk()));

        assertThat(page.get("items").findValuesAsText("reference")).contains(mine).doesNotContain(theirs);
        assertThat(body(call(OTHER_APPLICANT, get("/api/proposals?size=100"))).get("items").findValuesAsText("reference"))
                .contains(theirs).doesNotContain(mine);
    }

    @Test
    void anotherApplicantsProposal_isNotFound_whateverIsAsked() throws Exception {
        String theirs = submitted(OTHER_APPLICANT, SampleProposals.jointAiResearch());
        Stored before = stored();

        for (var request : new org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder[] {
                get("/api/proposals/" + theirs), get("/api/proposals/" + theirs + "/history"),
                get("/api/proposals/" + theirs + "/attachments"),
                put("/api/proposals/" + theirs).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(SampleProposals.jointAiResearch())),
                post("/api/proposals/" + theirs + "/withdrawal").contentType(MediaType.APPLICATION_JSON).content("{}")}) {
            String answer = call(APPLICANT, request).andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andReturn().getResponse().getContentAsString();
            assertThat(answer).doesNotContain("AI for textile").doesNotContain(OTHER_APPLICANT);
        }
        assertThat(stored()).isEqualTo(before);
        assertThat(registry.get(theirs).status()).isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void reviewersAndAdministrators_readEveryProposal_butOnlyTheApplicantChangesIt() throws Exception {
        String reference = submitted(APPLICANT, SampleProposals.jointAiResearch());

        for (String reader : new String[] {STZA_REVIEWER, ZBRA_REVIEWER, "admin"}) {
            call(reader, get("/api/proposals/" + reference)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.reference").value(reference));
            call(reader, post("/api/proposals/" + reference + "/withdrawal")).andExpect(status().isForbidden());
        }
        JsonNode all = body(call(STZA_REVIEWER, get("/api/proposals?scope=all&size=100")).andExpect(status().isOk()));
        assertThat(all.get("items").findValuesAsText("reference")).contains(reference);
        call(APPLICANT, get("/api/proposals?scope=all")).andExpect(status().isForbidden());
        assertThat(registry.get(reference).status()).isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void reviewers_cannotSubmit() throws Exception {
        Stored before = stored();
        submitAs(STZA_REVIEWER, SampleProposals.jointAiResearch()).andExpect(status().isForbidden());
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void history_andRevision_afterAChangeRequest() throws Exception {
        String reference = submitted(APPLICANT, SampleProposals.jointAiResearch());
        runPendingStep(reference);
        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Name the two mills of the pilot.");
        Map<String, Object> revised = SampleProposals.with(SampleProposals.jointAiResearch(), ProposalFields.OBJECTIVES,
                "A pilot in the Lahore and Faisalabad mills.");
        // Until the change request has been mailed, the revision task does not exist yet: try again later.
        call(APPLICANT, put("/api/proposals/" + reference).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(revised))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("try again")));
        runReviewStep(reference);

        JsonNode waiting = body(call(APPLICANT, get("/api/proposals/" + reference)));
        assertThat(waiting.at("/progress/step").asText()).isEqualTo("REVISION");
        assertThat(waiting.at("/progress/nextActionBy").asText()).isEqualTo("applicant");

        call(APPLICANT, put("/api/proposals/" + reference).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(revised)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESUBMITTED"))
                .andExpect(jsonPath("$.fields.objectives").value("A pilot in the Lahore and Faisalabad mills."));

        JsonNode history = body(call(APPLICANT, get("/api/proposals/" + reference + "/history")).andExpect(status().isOk()));
        assertThat(history.findValuesAsText("status")).containsExactly("SUBMITTED", "CHANGES_REQUESTED", "RESUBMITTED");
        assertThat(history.get(1).get("party").asText()).isEqualTo("STZA");
        assertThat(history.get(1).get("by").asText()).isEqualTo(STZA_REVIEWER);
        assertThat(history.get(1).get("comment").asText()).isEqualTo("Name the two mills of the pilot.");
        assertThat(history.get(2).get("by").asText()).isEqualTo(APPLICANT);
        assertThat(reviewTask(reference)).isNotNull();
    }

    @Test
    void versions_afterARevision_holdWhatTheReviewersSawBefore_andWhatChanged() throws Exception {
        Map<String, Object> first = SampleProposals.jointAiResearch();
        String reference = submitted(APPLICANT, first);
        runPendingStep(reference);
        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Name the two mills of the pilot.");
        runReviewStep(reference);
        call(APPLICANT, put("/api/proposals/" + reference).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(SampleProposals.with(first, ProposalFields.OBJECTIVES,
                        "A pilot in the Lahore and Faisalabad mills.")))).andExpect(status().isOk());

        JsonNode versions = body(call(STZA_REVIEWER, get("/api/proposals/" + reference + "/versions"))
                .andExpect(status().isOk()));

        assertThat(versions.findValuesAsText("number")).containsExactly("1", "2");
        assertThat(versions.at("/0/fields/objectives").asText()).isEqualTo(first.get(ProposalFields.OBJECTIVES));
        assertThat(versions.at("/0/submittedBy").asText()).isEqualTo(APPLICANT);
        assertThat(versions.at("/0/replacedAt").asText()).isEqualTo(versions.at("/1/submittedAt").asText());
        assertThat(versions.at("/1/replacedAt").isNull()).isTrue();
        assertThat(versions.at("/1/changedFields").toString()).isEqualTo("[\"objectives\"]");
        assertThat(versions.at("/1/fields/objectives").asText()).isEqualTo("A pilot in the Lahore and Faisalabad mills.");
        assertThat(jdbc.queryForObject("select count(*) from proposal_version v join proposal p on p.id = v.proposal_id"
                + " where p.reference = ?", Integer.class, reference)).isEqualTo(1);
        call(OTHER_APPLICANT, get("/api/proposals/" + reference + "/versions")).andExpect(status().isNotFound());
    }

    @Test
    void withdrawal_endsTheProposal_andASecondOneIsAConflict() throws Exception {
        String reference = submitted(APPLICANT, SampleProposals.jointAiResearch());

        call(APPLICANT, post("/api/proposals/" + reference + "/withdrawal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"We found another programme.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));

        assertThat(latest(reference, ProposalStatus.WITHDRAWN).actor()).isEqualTo(APPLICANT);
        assertThat(latest(reference, ProposalStatus.WITHDRAWN).comment()).isEqualTo("We found another programme.");
        Stored before = stored();
        call(APPLICANT, post("/api/proposals/" + reference + "/withdrawal"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("WITHDRAWN")));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void twoWithdrawalsAtOnce_oneWins_theOtherIsAConflict() throws Exception {
        String reference = submitted(APPLICANT, SampleProposals.jointAiResearch());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return call(APPLICANT, post("/api/proposals/" + reference + "/withdrawal")).andReturn().getResponse()
                        .getStatus();
            }));
        }
        start.countDown();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(statusHistory(reference)).containsExactly(ProposalStatus.SUBMITTED, ProposalStatus.WITHDRAWN);
    }

    @Test
    void submissionWithDocuments_storesThem_andTheyCanBeDownloaded() throws Exception {
        var proposal = new MockMultipartFile("proposal", "", MediaType.APPLICATION_JSON_VALUE,
                json.writeValueAsBytes(SampleProposals.jointAiResearch()));
        var plan = new MockMultipartFile("attachments", "work plan.pdf", "application/octet-stream", PDF);
        var photo = new MockMultipartFile("attachments", "../../mill.png", "application/pdf", PNG);

        JsonNode created = body(call(APPLICANT, multipart("/api/proposals").file(proposal).file(plan).file(photo))
                .andExpect(status().isCreated()));

        String reference = created.get("reference").asText();
        assertThat(created.get("attachments").findValuesAsText("fileName")).containsExactly("work plan.pdf", "mill.png");
        assertThat(created.get("attachments").findValuesAsText("mediaType")).containsExactly("application/pdf", "image/png");
        String href = created.get("attachments").get(0).get("href").asText();
        byte[] downloaded = call(APPLICANT, get(href)).andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(PDF);
        call(OTHER_APPLICANT, get(href)).andExpect(status().isNotFound());

        call(APPLICANT, multipart("/api/proposals/" + reference + "/attachments")
                .file(new MockMultipartFile("file", "budget.png", "image/png", PNG)))
                .andExpect(status().isCreated());
        assertThat(body(call(APPLICANT, get("/api/proposals/" + reference + "/attachments"))).size()).isEqualTo(3);
    }

    @Test
    void withoutCredentials_theApiAsksForThem() throws Exception {
        mvc.perform(get("/api/proposals")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/proposals").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.httpBasic("nobody-at-all", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        String description = mvc.perform(get("/v3/api-docs").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(description).contains("/api/proposals/{reference}/withdrawal", "/api/proposals/{reference}/history",
                "/api/proposals/{reference}/attachments", "\"budgetCurrency\"", "\"dockingRequested\"")
                .doesNotContain("/portal/");
        mvc.perform(get("/swagger-ui.html").with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic("admin", "demo"))).andExpect(status().is3xxRedirection());
    }
}
