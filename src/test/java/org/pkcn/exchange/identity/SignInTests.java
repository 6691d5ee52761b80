package org.pkcn.exchange.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.FreshApplicants;
import org.pkcn.exchange.review.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Signing in against the engine's accounts, in one engine command: what the API and the portal rely on. */
@ExchangeTest
class SignInTests {

    static final String PASSWORD = "a-sign-in-passphrase";

    @Autowired EngineAccountAuthentication signIn;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void byAccountOrByEmail_thePersonIsSignedInWithTheirGroups() {
        String id = account("sign-in-ok");

        for (String login : new String[] {id, id + "@Example.org"}) {
            Authentication signedIn = signIn.authenticate(attempt(login, PASSWORD));
            assertThat(signedIn.getPrincipal()).as(login).isInstanceOfSatisfying(SignedInAccount.class, account -> {
                assertThat(account.id()).isEqualTo(id);
                assertThat(account.groups()).containsExactly("applicants");
            });
            assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("applicants");
        }
    }

    @Test
    void forTheEngineRestApi_theAccountsReviewSpacesComeWithIt_itsGroupsOnesIncluded() {
        String applicant = account("sign-in-spaces");

        assertThat(signIn.signIn(attempt(applicant, PASSWORD), true).spaces())
                .as("applicants answer change requests in both parties' spaces").containsExactlyInAnyOrder(
                        Party.STZA.reviewSpace(), Party.ZBRA.reviewSpace());
        assertThat(signIn.signIn(attempt("stza-reviewer", "demo"), true).spaces())
                .containsExactly(Party.STZA.reviewSpace());
        assertThat(signIn.signIn(attempt(applicant, PASSWORD), false).spaces())
                .as("the portal and the API need none, and do not read them").isEmpty();
    }

    @Test
    void aWrongPassword_isCountedByTheEngine_andDelaysTheAccount_evenForTheRightOneNext() {
        String id = account("sign-in-wrong");

        assertThatThrownBy(() -> signIn.authenticate(attempt(id, "not-the-passphrase")))
                .isInstanceOf(BadCredentialsException.class);

        // The failure is stored although the sign-in was refused: the engine's delay holds for the next attempt.
        assertThat(jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, id))
                .isEqualTo(1);
        assertThatThrownBy(() -> signIn.authenticate(attempt(id, PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anUnknownAccount_anEmptyPassword_orAnAddressTwoAccountsShare_areRefused() {
        String first = account("sign-in-shared-1");
        String second = account("sign-in-shared-2");
        var user = identityService.createUserQuery().userId(second).singleResult();
        user.setEmail(first + "@example.org");
        identityService.saveUser(user);

        for (String[] attempt : new String[][] {{"nobody-" + System.nanoTime(), PASSWORD}, {first, ""},
                {first + "@example.org", PASSWORD}}) {
            assertThatThrownBy(() -> signIn.authenticate(attempt(attempt[0], attempt[1]))).as(attempt[0])
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    private String account(String prefix) {
        return FreshApplicants.create(identityService, prefix, PASSWORD);
    }

    private static UsernamePasswordAuthenticationToken attempt(String login, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(login, password);
    }
}
