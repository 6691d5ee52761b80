package org.pkcn.exchange.proposal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.FreshApplicants;
import org.pkcn.exchange.process.SampleProposals;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The SQL statements one request runs, counted by a proxy around the data source (datasource-proxy): a page
 * of proposals costs the same number of statements whether it holds 2 proposals or 12 (no query per row,
 * "N+1"), and a submission stays within its budget. The counts are printed, for README's "Performance".
 */
@ExchangeTest
@AutoConfigureMockMvc
class SqlPerRequestTests extends ApiScenario {

    @Autowired AuthenticationProvider accounts;

    /**
     * One submission ran 32 statements when this was written (sign-in, the registry's rows, the process instance
     * with its variables and full history, the decision table's evaluation, the acknowledgement job): a few more
     * are fine, a statement per field or per history line is not.
     */
    static final long SUBMISSION_BUDGET = 40;

    @TestConfiguration
    static class CountedStatements {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource
                            ? ProxyDataSourceBuilder.create(dataSource).name(name).countQuery().build() : bean;
                }
            };
        }
    }

    @Test
    void anApplicantsListOfProposals_costsTheSameStatements_forTwoProposalsAndForTwelve() throws Exception {
        String applicant = freshApplicant("sql-list");
        submitSome(applicant, 2);
        long two = statementsOf(applicant, get("/api/proposals?size=50"));
        submitSome(applicant, 10);
        long twelve = statementsOf(applicant, get("/api/proposals?size=50"));

        assertThat(twelve).as("statements for 12 proposals vs 2 (%d)", two).isEqualTo(two);
    }

    @Test
    void aReviewersListOfAllProposals_costsTheSameStatements_howeverManyItShows() throws Exception {
        submitSome(APPLICANT, 1);
        long one = statementsOf(STZA_REVIEWER, get("/api/proposals?scope=all&size=1"));
        submitSome(APPLICANT, 10);
        long many = statementsOf(STZA_REVIEWER, get("/api/proposals?scope=all&size=11"));

        assertThat(many).as("statements for 11 rows vs 1 (%d)", one).isEqualTo(one);
    }

    @Test
    void aProposalAndItsHistory_costTheSameStatements_howeverLongTheHistory() throws Exception {
        String young = submitted(APPLICANT, SampleProposals.jointAiResearch());
        String old = changesRequested(APPLICANT);
        call(APPLICANT, post("/api/proposals/" + old + "/withdrawal")
                .contentType("application/json").content("{\"reason\":\"Partner left.\"}"));

        for (String path : new String[] {"/api/proposals/%s", "/api/proposals/%s/history"}) {
            long short_ = statementsOf(APPLICANT, get(path.formatted(young)));
            long long_ = statementsOf(APPLICANT, get(path.formatted(old)));
            assertThat(long_).as("%s: a history of 4 lines vs 1 (%d)", path, short_).isEqualTo(short_);
        }
    }

    @Test
    void thePortalsMyProposalsPage_costsTheSameStatements_forTwoProposalsAndForTwelve() throws Exception {
        String applicant = freshApplicant("sql-portal");
        MockHttpSession session = signedInToThePortal(applicant);
        submitSome(applicant, 2);
        long two = statementsOf(() -> mvc.perform(get("/portal/proposals").session(session)).andExpect(status().isOk()));
        submitSome(applicant, 10);
        long twelve = statementsOf(() -> mvc.perform(get("/portal/proposals").session(session)).andExpect(status().isOk()));

        assertThat(twelve).as("statements for 12 proposals vs 2 (%d)", two).isEqualTo(two);
    }

    @Test
    void aSubmission_staysWithinItsStatementBudget() throws Exception {
        submitSome(APPLICANT, 1); // warms what is read once and cached (definitions, the decision table)
        long submission = statementsOf(() -> submitAs(APPLICANT, SampleProposals.jointAiResearch())
                .andExpect(status().isCreated()));

        System.out.println("SQL statements of one submission: " + submission);
        assertThat(submission).isPositive().isLessThanOrEqualTo(SUBMISSION_BUDGET);
    }

    @Test
    void aSignIn_readsTheAccountOnce_andItsGroupsOnce() throws Exception {
        long signIn = statementsOf(() -> accounts.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(APPLICANT, PASSWORD)));

        System.out.println("SQL statements of one sign-in: " + signIn);
        assertThat(signIn).isEqualTo(2);
    }

    private interface Request {
        void perform() throws Exception;
    }

    private long statementsOf(String user, MockHttpServletRequestBuilder request) throws Exception {
        return statementsOf(() -> call(user, request).andExpect(status().isOk()));
    }

    /** Statements run on this thread (MockMvc serves the request on it) while the request is served. */
    private static long statementsOf(Request request) throws Exception {
        QueryCountHolder.clear();
        request.perform();
        long total = QueryCountHolder.getGrandTotal().getTotal();
        QueryCountHolder.clear();
        return total;
    }

    private void submitSome(String applicant, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            submitAs(applicant, SampleProposals.jointAiResearch()).andExpect(status().isCreated());
        }
    }

    private String freshApplicant(String prefix) {
        return FreshApplicants.create(identityService, prefix, PASSWORD);
    }

    private MockHttpSession signedInToThePortal(String applicant) throws Exception {
        return (MockHttpSession) mvc.perform(post("/portal/login").with(csrf()).param("login", applicant)
                .param("password", PASSWORD)).andReturn().getRequest().getSession();
    }
}
