package org.pkcn.exchange.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.identity.SignedInAccount;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.proposal.Caller;
import org.pkcn.exchange.proposal.ProposalFields;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.pkcn.exchange.proposal.Proposals;
import org.pkcn.exchange.proposal.process.ProposalProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The portal's pages: register, sign in, submit with mistakes and without, follow, revise, withdraw; in two languages. */
@ExchangeTest
@AutoConfigureMockMvc
class PortalTests extends ProcessScenario {

    static final byte[] PDF = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired Proposals proposals;
    @Autowired ProposalProcess process;
    @Autowired org.pkcn.exchange.proposal.ProposalAttachments attachments;

    @Test
    void registration_opensAnApplicantAccount_inTheEnginesIdentityStore() throws Exception {
        mvc.perform(post("/portal/register").with(csrf()).with(from("10.1.0.1"))
                        .param("name", "Wang Fang").param("organisation", "Beijing Institute of Robotics")
                        .param("email", "Wang.Fang@BIR.example.cn").param("password", "three blue kites")
                        .param("language", "zh"))
                .andExpect(redirectedUrl("/portal/login?registered=&login=wang.fang%40bir.example.cn"));

        User user = identityService.createUserQuery().userEmail("wang.fang@bir.example.cn").singleResult();
        assertThat(user.getId()).isEqualTo("wang.fang");
        assertThat(user.getFirstName()).isEqualTo("Wang Fang");
        assertThat(identityService.createGroupQuery().groupMember(user.getId()).singleResult().getId()).isEqualTo("applicants");
        assertThat(identityService.getUserInfo(user.getId(), "language")).isEqualTo("zh");
        assertThat(identityService.getUserInfo(user.getId(), "organisation")).isEqualTo("Beijing Institute of Robotics");
        assertThat(identityService.checkPassword(user.getId(), "three blue kites")).isTrue();
        String stored = jdbcPasswordOf(user.getId());
        assertThat(stored).doesNotContain("three blue kites").startsWith("{SHA-512}");
    }

    @Test
    void registration_namesEachMistake_andKeepsWhatWasTyped_butNeverThePassword() throws Exception {
        long accounts = identityService.createUserQuery().count();
        String page = mvc.perform(post("/portal/register").with(csrf()).with(from("10.1.0.2"))
                        .param("name", "").param("organisation", "Lahore Textile Analytics")
                        .param("email", "sara@nowhere").param("password", "short").param("language", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Lahore Textile Analytics", "sara@nowhere", "is required",
                "must be an e-mail address such as name@example.org", "must have 10 to 128 characters")
                .doesNotContain("value=\"short\"");
        assertThat(identityService.createUserQuery().count()).isEqualTo(accounts);
    }

    @Test
    void registration_refusesAnAddressThatHasAnAccount() throws Exception {
        String page = mvc.perform(post("/portal/register").with(csrf()).with(from("10.1.0.3"))
                        .param("name", "Sara").param("organisation", "LTA").param("email", "applicant@applicant.example.org")
                        .param("password", "a long enough password").param("language", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("already has an account");
    }

    @Test
    void registration_isLimitedPerAddress() throws Exception {
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/portal/register").with(csrf()).with(from("10.1.0.4")).param("name", "Person " + i)
                    .param("organisation", "Org").param("email", "person" + i + "@limit.example.org")
                    .param("password", "a long enough password").param("language", "en"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/portal/register").with(csrf()).with(from("10.1.0.4")).param("name", "Person 6")
                        .param("organisation", "Org").param("email", "person6@limit.example.org")
                        .param("password", "a long enough password").param("language", "en"))
                .andExpect(status().isTooManyRequests());
        assertThat(identityService.createUserQuery().userEmail("person6@limit.example.org").count()).isZero();
    }

    @Test
    void registration_withoutTheFormsToken_isRefused() throws Exception {
        mvc.perform(post("/portal/register").param("name", "Mallory").param("organisation", "X")
                .param("email", "mallory@example.org").param("password", "a long enough password")
                .param("language", "en")).andExpect(status().isForbidden());
        assertThat(identityService.createUserQuery().userEmail("mallory@example.org").count()).isZero();
    }

    @Test
    void signIn_byEmailAddress_opensMyProposals_inTheAccountsLanguage() throws Exception {
        var result = mvc.perform(post("/portal/login").with(csrf()).with(from("10.1.0.5"))
                        .param("login", "zbra-reviewer@zbra.example.org").param("password", "demo"))
                .andExpect(redirectedUrl("/portal/proposals")).andReturn();
        assertThat(result.getResponse().getCookie(PortalLocale.COOKIE).getValue()).startsWith("zh");

        createApplicant("mistypes", "mistypes@example.org");
        mvc.perform(post("/portal/login").with(csrf()).with(from("10.1.0.5")).param("login", "mistypes")
                .param("password", "wrong")).andExpect(redirectedUrl("/portal/login?error"));
    }

    @Test
    void signIn_isLimitedAfterTenFailures_forThatAccount() throws Exception {
        createApplicant("guessed", "guessed@example.org");
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/portal/login").with(csrf()).with(from("10.2.0." + i)).param("login", "guessed")
                    .param("password", "guess " + i)).andExpect(redirectedUrl("/portal/login?error"));
        }
        mvc.perform(post("/portal/login").with(csrf()).with(from("10.2.1.1")).param("login", "guessed")
                .param("password", "a long enough password")).andExpect(redirectedUrl("/portal/login?blocked"));
    }

    @Test
    void pagesNeedAnAccount_butAssetsAndSignInDoNot() throws Exception {
        mvc.perform(get("/portal/proposals")).andExpect(redirectedUrlPattern("**/portal/login"));
        mvc.perform(get("/portal/login")).andExpect(status().isOk());
        mvc.perform(get("/portal/register")).andExpect(status().isOk());
        mvc.perform(get("/portal/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js")).andExpect(status().isOk());
        mvc.perform(get("/portal/assets/portal.css")).andExpect(status().isOk());
        mvc.perform(get("/portal/login")).andExpect(header().string("Content-Security-Policy",
                org.hamcrest.Matchers.containsString("script-src 'self'")));
    }

    @Test
    void aMistake_isShownBesideItsField_andWhatWasTypedStays() throws Exception {
        long before = proposals.count();
        MultiValueMap<String, String> form = form(SampleProposals.with(SampleProposals.jointAiResearch(),
                ProposalFields.CONTACT_EMAIL, "sara.ahmed-at-lta"));

        String page = mvc.perform(post("/portal/proposals").with(csrf()).with(as(APPLICANT)).params(form))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"contactEmail-error\"", "must be an e-mail address such as name@example.org",
                "value=\"sara.ahmed-at-lta\"", "value=\"AI for textile quality control\"", "Train vision models");
        assertThat(proposals.count()).isEqualTo(before);

        String chinese = mvc.perform(post("/portal/proposals").with(csrf()).with(as(APPLICANT)).params(form)
                        .cookie(new Cookie(PortalLocale.COOKIE, "zh")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("请输入有效的电子邮箱", "电子邮箱", "value=\"sara.ahmed-at-lta\"");
    }

    @Test
    void aValidProposal_isSubmitted_withItsDocument_andItsPageShowsEverything() throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/portal/proposals")
                .file(new MockMultipartFile("attachments", "plan.pdf", "application/pdf", PDF));
        request.params(form(SampleProposals.jointAiResearch()));
        String location = mvc.perform(request.with(csrf()).with(as(APPLICANT)))
                .andExpect(redirectedUrlPattern("/portal/proposals/PKCN-*")).andReturn().getResponse().getRedirectedUrl();
        String reference = location.substring(location.lastIndexOf('/') + 1);

        String page = mvc.perform(get(location).with(as(APPLICANT))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(reference, "AI for textile quality control", "Submitted", "Review by STZA",
                "plan.pdf", "id=\"timeline\"", "data-current=\"Task_AcknowledgeProposal\"", "id=\"withdraw\"");

        String list = mvc.perform(get("/portal/proposals").with(as(APPLICANT))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains(reference, "Review by STZA", "STZA&#39;s reviewers decide");

        String xml = mvc.perform(get(location + "/diagram").with(as(APPLICANT))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(xml).contains("CallActivity_ReviewByStza", "bpmndi:BPMNDiagram");
    }

    @Test
    void anotherApplicantsProposal_isNotFound() throws Exception {
        createApplicant("someone-else", "someone@else.example.org");
        String reference = process.submit(new Caller(APPLICANT, List.of("applicants"), false),
                SampleProposals.jointAiResearch(), List.of()).reference();
        mvc.perform(get("/portal/proposals/" + reference).with(as("someone-else"))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/proposals/" + reference + "/diagram").with(as("someone-else")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/portal/proposals/" + reference + "/withdrawal").with(csrf()).with(as("someone-else")))
                .andExpect(status().isNotFound());
        assertThat(registry.get(reference).status()).isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void aChangeRequest_isAnsweredWithARevision() throws Exception {
        Caller applicant = new Caller(APPLICANT, List.of("applicants"), false);
        String reference = process.submit(applicant, SampleProposals.jointAiResearch(),
                List.of(new org.pkcn.exchange.proposal.Upload("old plan.pdf", PDF))).reference();
        runPendingStep(reference);
        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Name the two mills.");
        managementService.executeJob(managementService.createJobQuery().processInstanceId(review(reference).getId())
                .messages().singleResult().getId());

        String page = mvc.perform(get("/portal/proposals/" + reference).with(as(APPLICANT)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Name the two mills.", "id=\"revise\"", "Your revision, asked by STZA");
        String form = mvc.perform(get("/portal/proposals/" + reference + "/revision").with(as(APPLICANT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Name the two mills.", "value=\"AI for textile quality control\"", "old plan.pdf");
        Long document = attachments.of(registry.get(reference)).get(0).id();
        mvc.perform(post("/portal/proposals/" + reference + "/attachments/" + document + "/removal").with(csrf())
                .with(as("someone-else-again"))).andExpect(status().isNotFound());
        mvc.perform(post("/portal/proposals/" + reference + "/attachments/" + document + "/removal").with(csrf())
                .with(as(APPLICANT))).andExpect(redirectedUrl("/portal/proposals/" + reference + "/revision"));
        assertThat(attachments.of(registry.get(reference))).isEmpty();

        mvc.perform(post("/portal/proposals/" + reference + "/revision").with(csrf()).with(as(APPLICANT))
                        .params(form(SampleProposals.with(SampleProposals.jointAiResearch(), ProposalFields.OBJECTIVES,
                                "Pilots in Lahore and Faisalabad."))))
                .andExpect(redirectedUrl("/portal/proposals/" + reference));
        assertThat(registry.get(reference).status()).isEqualTo(ProposalStatus.RESUBMITTED);
        assertThat(registry.get(reference).details().objectives()).isEqualTo("Pilots in Lahore and Faisalabad.");
    }

    @Test
    void withdrawal_asksForConfirmation_thenWithdraws() throws Exception {
        String reference = process.submit(new Caller(APPLICANT, List.of("applicants"), false),
                SampleProposals.jointAiResearch(), List.of()).reference();
        String confirm = mvc.perform(get("/portal/proposals/" + reference + "/withdrawal").with(as(APPLICANT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("Withdraw " + reference + "?", "cannot be reopened");
        assertThat(registry.get(reference).status()).isEqualTo(ProposalStatus.SUBMITTED);

        mvc.perform(post("/portal/proposals/" + reference + "/withdrawal").with(csrf()).with(as(APPLICANT))
                .param("reason", "Plans changed")).andExpect(redirectedUrl("/portal/proposals/" + reference));
        assertThat(registry.get(reference).status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(latest(reference, ProposalStatus.WITHDRAWN).comment()).isEqualTo("Plans changed");

        mvc.perform(post("/portal/proposals/" + reference + "/withdrawal").with(csrf()).with(as(APPLICANT)))
                .andExpect(status().isConflict());
        runPendingStep(reference);
        assertThat(mvc.perform(get("/portal/proposals/" + reference).with(as(APPLICANT))).andReturn().getResponse()
                .getContentAsString()).contains("data-current=\"EndEvent_ProposalWithdrawn\"", "Withdrawn", "by you");
    }

    @Test
    void choosingChinese_isRemembered_forTheAccount() throws Exception {
        createApplicant("chooses-chinese", "chooses@chinese.example.org");
        var result = mvc.perform(get("/portal/proposals?lang=zh").with(as("chooses-chinese")))
                .andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("我的申请", "lang=\"zh-Hans\"");
        assertThat(result.getResponse().getCookie(PortalLocale.COOKIE).getValue()).startsWith("zh");
        assertThat(identityService.getUserInfo("chooses-chinese", "language")).isEqualTo("zh");
    }

    private static MockHttpServletRequestBuilder noop(MockHttpServletRequestBuilder request) {
        return request;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor as(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> group.getId()).toList();
        Authentication token = UsernamePasswordAuthenticationToken.authenticated(
                new SignedInAccount(userId, userId, groups), null,
                groups.stream().map(SimpleGrantedAuthority::new).toList());
        return authentication(token);
    }

    private static MultiValueMap<String, String> form(Map<String, Object> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach((name, value) -> {
            if (value != null && !(name.equals(ProposalFields.DOCKING_REQUESTED) && Boolean.FALSE.equals(value))) {
                form.add(name, value instanceof Double amount ? java.math.BigDecimal.valueOf(amount).toPlainString()
                        : value.toString());
            }
        });
        return form;
    }

    private void createApplicant(String id, String email) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("");
            user.setEmail(email);
            user.setPassword("a long enough password");
            identityService.saveUser(user);
            identityService.createMembership(id, "applicants");
        }
    }

    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String jdbcPasswordOf(String userId) {
        return jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, userId);
    }
}
