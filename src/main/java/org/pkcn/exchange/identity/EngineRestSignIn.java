package org.pkcn.exchange.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST API (/engine-rest: the Modeler, scripts, integrations, reviewers' tools) answers only to a
 * signed-in account, by HTTP Basic, and then acts as that account, with its groups and review spaces, so that the
 * engine's authorizations apply. The sign-in is the portal's and the API's ({@link EngineAccountAuthentication}):
 * one engine command for the account, its password, groups and spaces, where Camunda's own filter ran three, each
 * its own transaction, on every call; and the same limits on failed attempts per account and per client address.
 * Registered for /engine-rest only ({@link EngineRestDoor}), not as a bean Spring would put before every request.
 */
final class EngineRestSignIn extends OncePerRequestFilter {

    /** The realm Camunda's filter named: the engine's. */
    private static final String CHALLENGE = "Basic realm=\"default\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineAccountAuthentication accounts;
    private final IdentityService identities;
    private final BasicAuthenticationConverter credentials = new BasicAuthenticationConverter();

    EngineRestSignIn(EngineAccountAuthentication accounts, IdentityService identities) {
        this.accounts = accounts;
        this.identities = identities;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SignInCheck.Account account;
        try {
            UsernamePasswordAuthenticationToken attempt = credentials.convert(request);
            if (attempt == null) {
                refuse(response);
                return;
            }
            account = accounts.signIn(attempt, true);
        } catch (TooManyAttemptsException tooMany) {
            response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            // In the shape of the engine REST API's own errors.
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.createObjectNode().put("type", "TooManyAttempts")
                    .put("message", tooMany.getMessage()).toString());
            return;
        } catch (AuthenticationException wrongOrMalformed) {
            refuse(response);
            return;
        }
        identities.setAuthentication(account.user().getId(), account.groups(), account.spaces());
        try {
            chain.doFilter(request, response);
        } finally {
            identities.clearAuthentication();
        }
    }

    private static void refuse(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
