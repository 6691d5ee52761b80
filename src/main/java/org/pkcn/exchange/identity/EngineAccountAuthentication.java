package org.pkcn.exchange.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs people in to the portal and the API against the engine's identity store, the one account store
 * the Tasklist uses too: by account id or by e-mail address, password checked by the engine (which keeps
 * only salted hashes), all in one engine command ({@link SignInCheck}). Failed attempts are limited per
 * account, and (more loosely, as a whole university may share one address) per client address. The engine
 * adds its own growing delay per account.
 */
@Component
class EngineAccountAuthentication implements AuthenticationProvider {

    static final String WRONG = "Wrong e-mail address, account or password";

    private final CommandExecutor commands;
    private final AttemptLimiter accountFailures;
    private final AttemptLimiter addressFailures;

    EngineAccountAuthentication(ProcessEngine engine, Clock clock,
            @Value("${exchange.portal.login-failures-per-account:10}") int perAccount,
            @Value("${exchange.portal.login-failures-per-address:50}") int perAddress,
            @Value("${exchange.portal.login-failure-window:PT15M}") Duration window) {
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.accountFailures = new AttemptLimiter(perAccount, window, clock);
        this.addressFailures = new AttemptLimiter(perAddress, window, clock);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        SignInCheck.Account signedIn = signIn(attempt, false);
        User user = signedIn.user();
        List<String> groups = signedIn.groups();
        String name = ((nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip());
        var principal = new SignedInAccount(user.getId(), name.isEmpty() ? user.getId() : name, groups);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                groups.stream().map(SimpleGrantedAuthority::new).toList());
    }

    /**
     * The account behind a login and password, within the limits on failed attempts; with its review spaces too
     * when asked. Throws {@link TooManyAttemptsException} or {@link BadCredentialsException}.
     */
    SignInCheck.Account signIn(Authentication attempt, boolean withSpaces) {
        String login = attempt.getName() == null ? "" : attempt.getName().strip();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String account = "account:" + login.toLowerCase();
        String address = "address:" + addressOf(attempt);
        if (accountFailures.exhausted(account)) {
            throw new TooManyAttemptsException(accountFailures.retryAfter(account));
        }
        if (addressFailures.exhausted(address)) {
            throw new TooManyAttemptsException(addressFailures.retryAfter(address));
        }
        SignInCheck.Account signedIn = commands.execute(new SignInCheck(login, password, withSpaces));
        if (signedIn == null) {
            accountFailures.record(account);
            addressFailures.record(address);
            throw new BadCredentialsException(WRONG);
        }
        accountFailures.reset(account);
        return signedIn;
    }

    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? String.valueOf(details.getRemoteAddress()) : "unknown";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
