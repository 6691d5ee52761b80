package org.pkcn.exchange.proposal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.proposal.ProposalFields.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.proposal.ProposalFields;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Bad input gets a clear 4xx in problem details naming each bad field, and leaves nothing behind: no
 * proposal, no status change, no process instance, no attachment, no pending mail, no mail sent.
 */
@ExchangeTest
@AutoConfigureMockMvc
class ProposalApiBadInputTests extends ApiScenario {

    static Stream<Arguments> eachRequiredFieldMissing() {
        return ProposalFields.ALL.stream().filter(field -> !field.equals(DOCKING_REQUESTED))
                .flatMap(field -> Stream.of(Arguments.of(field, null), Arguments.of(field, "  ")));
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @MethodSource
    void eachRequiredFieldMissing(String field, String value) throws Exception {
        Map<String, Object> fields = SampleProposals.jointAiResearch();
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        assertRefused(fields, field, "required");
    }

    static Stream<Arguments> badValues() {
        String tooLong = "x".repeat(201);
        return Stream.of(
                Arguments.of(TITLE, tooLong, "too-long"),
                Arguments.of(APPLICANT_NAME, tooLong, "too-long"),
                Arguments.of(CONTACT_NAME, tooLong, "too-long"),
                Arguments.of(APPLICANT_CITY, "x".repeat(101), "too-long"),
                Arguments.of(OBJECTIVES, "x".repeat(4001), "too-long"),
                Arguments.of(EXPECTED_OUTCOMES, "x".repeat(4001), "too-long"),
                Arguments.of(SECTOR, "QUANTUM_COMPUTING", "unknown-choice"),
                Arguments.of(EXCHANGE_KIND, "TOURISM", "unknown-choice"),
                Arguments.of(APPLICANT_KIND, "EMBASSY", "unknown-choice"),
                Arguments.of(COUNTERPART_KIND, "EMBASSY", "unknown-choice"),
                Arguments.of(APPLICANT_COUNTRY, "IN", "unknown-choice"),
                Arguments.of(BUDGET_CURRENCY, "EUR", "unknown-choice"),
                Arguments.of(CONTACT_LANGUAGE, "ur", "unknown-choice"),
                Arguments.of(CONTACT_EMAIL, "sara.ahmed-at-lta.example.pk", "email"),
                Arguments.of(COUNTERPART_EMAIL, "partner@zgc", "email"),
                Arguments.of(BUDGET_AMOUNT, -250000, "range"),
                Arguments.of(BUDGET_AMOUNT, 0, "range"),
                Arguments.of(BUDGET_AMOUNT, 1e15, "range"),
                Arguments.of(BUDGET_AMOUNT, "a lot", "type"),
                Arguments.of(BUDGET_AMOUNT, 100.123, "decimals"),
                Arguments.of(DURATION_MONTHS, -3, "range"),
                Arguments.of(DURATION_MONTHS, 0, "range"),
                Arguments.of(DURATION_MONTHS, 1200, "range"),
                Arguments.of(DURATION_MONTHS, 2.5, "range"),
                Arguments.of(START_DATE, LocalDate.now().minusDays(1).toString(), "date-past"),
                Arguments.of(START_DATE, LocalDate.now().plusYears(6).toString(), "date-far"),
                Arguments.of(START_DATE, "31/12/2027", "date"),
                Arguments.of(DOCKING_REQUESTED, "perhaps", "type"),
                Arguments.of("favouriteColour", "green", "unknown-field"));
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @MethodSource
    void badValues(String field, Object value, String code) throws Exception {
        assertRefused(SampleProposals.with(SampleProposals.jointAiResearch(), field, value), field, code);
    }

    @Test
    void aCounterpartWithDocking_isRefused() throws Exception {
        assertRefused(SampleProposals.with(SampleProposals.dockingRequestInChinese(), COUNTERPART_NAME, "Somebody"),
                COUNTERPART_NAME, "not-with-docking");
    }

    @Test
    void everyBadField_isNamedAtOnce() throws Exception {
        Map<String, Object> fields = SampleProposals.jointAiResearch();
        fields.remove(TITLE);
        fields.put(SECTOR, "QUANTUM");
        fields.put(DURATION_MONTHS, -1);
        Stored before = stored();
        JsonNode problem = problem(submitAs(APPLICANT, fields).andExpect(status().isBadRequest()));
        assertThat(fieldsOf(problem)).containsExactlyInAnyOrder(TITLE, SECTOR, DURATION_MONTHS);
        assertThat(problem.get("errors").findValuesAsText("message")).contains("is required");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void malformedJson_isABadRequest() throws Exception {
        Stored before = stored();
        JsonNode problem = problem(call(APPLICANT, post("/api/proposals").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"AI for textile\", ")).andExpect(status().isBadRequest()));
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("malformed");
        problem(call(APPLICANT, post("/api/proposals").contentType(MediaType.APPLICATION_JSON).content("[1, 2]"))
                .andExpect(status().isBadRequest()));
        problem(call(APPLICANT, post("/api/proposals").contentType(MediaType.APPLICATION_JSON).content(""))
                .andExpect(status().isBadRequest()));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void wrongContentType_isUnsupported() throws Exception {
        Stored before = stored();
        JsonNode problem = problem(call(APPLICANT, post("/api/proposals").contentType(MediaType.TEXT_PLAIN)
                .content("title=AI")).andExpect(status().isUnsupportedMediaType()));
        assertThat(problem.get("detail").asText()).contains("text/plain");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void oversizedAttachment_isRefused() throws Exception {
        byte[] big = Arrays.copyOf(ProposalApiTests.PDF, 10 * 1024 * 1024 + 1);
        assertFilesRefused("too-large", new MockMultipartFile("attachments", "plan.pdf", "application/pdf", big));
    }

    @Test
    void misTypedAttachment_isRefused_whateverItsName() throws Exception {
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertFilesRefused("file-type", new MockMultipartFile("attachments", "plan.pdf", "application/pdf", program));
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
        assertFilesRefused("file-type", new MockMultipartFile("attachments", "budget.xlsx", "application/zip", zip));
        assertFilesRefused("empty", new MockMultipartFile("attachments", "empty.pdf", "application/pdf", new byte[0]));
    }

    @Test
    void aSixthAttachment_isRefused() throws Exception {
        List<MockMultipartFile> files = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            files.add(new MockMultipartFile("attachments", "page" + i + ".png", "image/png", ProposalApiTests.PNG));
        }
        assertFilesRefused("too-many", files.toArray(MockMultipartFile[]::new));
    }

    @Test
    void badFields_andBadFiles_areNamedTogether() throws Exception {
        Map<String, Object> fields = SampleProposals.with(SampleProposals.jointAiResearch(), CONTACT_EMAIL, "nobody");
        var proposal = new MockMultipartFile("proposal", "", MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(fields));
        Stored before = stored();
        JsonNode problem = problem(call(APPLICANT, multipart("/api/proposals").file(proposal)
                .file(new MockMultipartFile("attachments", "x.pdf", "application/pdf", new byte[] {1, 2, 3})))
                .andExpect(status().isBadRequest()));
        assertThat(fieldsOf(problem)).containsExactlyInAnyOrder(CONTACT_EMAIL, "attachments");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aRevisionWhenNoneWasRequested_isAConflict() throws Exception {
        String reference = submitted(APPLICANT, SampleProposals.jointAiResearch());
        Stored before = stored();
        JsonNode problem = problem(call(APPLICANT, put("/api/proposals/" + reference)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(SampleProposals.jointAiResearch())))
                .andExpect(status().isConflict()));
        assertThat(problem.get("detail").asText()).contains("no changes were requested");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anInvalidRevision_leavesTheRevisionTaskOpen() throws Exception {
        String reference = changesRequested(APPLICANT);
        Stored before = stored();
        problem(call(APPLICANT, put("/api/proposals/" + reference).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(SampleProposals.with(SampleProposals.jointAiResearch(), TITLE, ""))))
                .andExpect(status().isBadRequest()));
        assertThat(stored()).isEqualTo(before);
        assertThat(revisionTask(reference)).isNotNull();
    }

    @Test
    void aSecondWithdrawal_isAConflict() throws Exception {
        String reference = submitted(APPLICANT, SampleProposals.jointAiResearch());
        call(APPLICANT, post("/api/proposals/" + reference + "/withdrawal")).andExpect(status().isOk());
        Stored before = stored();
        problem(call(APPLICANT, post("/api/proposals/" + reference + "/withdrawal")).andExpect(status().isConflict()));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anOverlongWithdrawalReason_isRefused() throws Exception {
        String reference = submitted(APPLICANT, SampleProposals.jointAiResearch());
        Stored before = stored();
        JsonNode problem = problem(call(APPLICANT, post("/api/proposals/" + reference + "/withdrawal")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"" + "x".repeat(1001) + "\"}"))
                .andExpect(status().isBadRequest()));
        assertThat(fieldsOf(problem)).containsExactly("reason");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aReferenceThatDoesNotExist_isNotFound() throws Exception {
        Stored before = stored();
        String missing = "/api/proposals/PKCN-2026-99999";
        problem(call(APPLICANT, get(missing)).andExpect(status().isNotFound()));
        problem(call(APPLICANT, get(missing + "/history")).andExpect(status().isNotFound()));
        problem(call(APPLICANT, put(missing).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(SampleProposals.jointAiResearch()))).andExpect(status().isNotFound()));
        problem(call(APPLICANT, post(missing + "/withdrawal")).andExpect(status().isNotFound()));
        problem(call(APPLICANT, get(missing + "/attachments/1")).andExpect(status().isNotFound()));
        assertThat(stored()).isEqualTo(before);
    }

    private void assertRefused(Map<String, Object> fields, String field, String code) throws Exception {
        Stored before = stored();
        JsonNode problem = problem(submitAs(APPLICANT, fields).andExpect(status().isBadRequest()));
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("code").asText()).isEqualTo(code);
            assertThat(error.get("message").asText()).isNotBlank();
        });
        assertThat(stored()).isEqualTo(before);
    }

    private void assertFilesRefused(String code, MockMultipartFile... files) throws Exception {
        var proposal = new MockMultipartFile("proposal", "", MediaType.APPLICATION_JSON_VALUE,
                json.writeValueAsBytes(SampleProposals.jointAiResearch()));
        Stored before = stored();
        var request = multipart("/api/proposals").file(proposal);
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        JsonNode problem = problem(call(APPLICANT, request).andExpect(status().isBadRequest()));
        assertThat(problem.get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo("attachments");
            assertThat(error.get("code").asText()).isEqualTo(code);
        });
        assertThat(stored()).isEqualTo(before);
    }

    private JsonNode problem(ResultActions result) throws Exception {
        result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        return body(result);
    }
}
