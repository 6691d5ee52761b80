package org.pkcn.exchange.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.FreshApplicants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The door of the engine's REST API: the same sign-in and the same limits as the applicants' API. (What a
 * signed-in reviewer may then do there: ReviewerAccessTests, over real HTTP; MockMvc reaches this door, which
 * stands before the engine's own servlet, but not that servlet.)
 */
@ExchangeTest
@AutoConfigureMockMvc
class EngineRestSignInTests {

    static final String PASSWORD = "an-engine-rest-passphrase";

    @Autowired MockMvc mvc;
    @Autowired IdentityService identityService;

    @Test
    void noCredentials_orMalformedOnes_orAWrongPassword_areChallenged() throws Exception {
        String account = FreshApplicants.create(identityService, "rest-door", PASSWORD);

        mvc.perform(get("/engine-rest/task").with(from("10.3.0.1"))).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"default\""));
        mvc.perform(get("/engine-rest/task").with(from("10.3.0.1")).header("Authorization", "Basic !!not-base64"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/engine-rest/task").with(from("10.3.0.1")).with(httpBasic(account, "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tooManyWrongPasswordsForOneAccount_areRefusedWith429_evenTheRightOneThen() throws Exception {
        String account = FreshApplicants.create(identityService, "rest-guessed", PASSWORD);
        for (int i = 1; i <= 10; i++) {
            mvc.perform(get("/engine-rest/task").with(from("10.3.1." + i)).with(httpBasic(account, "guess " + i)))
                    .andExpect(status().isUnauthorized());
        }

        var refused = mvc.perform(get("/engine-rest/task").with(from("10.3.2.1")).with(httpBasic(account, PASSWORD)))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse();
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
        assertThat(refused.getContentAsString()).contains("Too many attempts");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
