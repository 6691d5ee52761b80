package org.pkcn.exchange.deployment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.pkcn.exchange.identity.ProgrammeGroups;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The model administration (page and API) answers to administrators only: HTTP Basic, checked against the engine's
 * identity store, and membership of {@code camunda-admin}; the engine then acts as that account. A state-changing
 * request sent by a browser from another site is refused, since a browser repeats Basic credentials by itself (the
 * header {@code Sec-Fetch-Site}, else {@code Origin}, tells). Everything about who may enter is here, so it can move
 * to Spring Security in one piece.
 */
class AdministratorsOnly extends OncePerRequestFilter {

    static final String REALM = "Basic realm=\"Exchange model administration\", charset=\"UTF-8\"";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityService identityService;

    AdministratorsOnly(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
            response.setHeader("WWW-Authenticate", REALM);
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign in as an administrator.");
            return;
        }
        String user = credentials[0];
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        if (!groups.contains(ProgrammeGroups.ADMINS)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Only administrators (" + ProgrammeGroups.ADMINS
                    + ") may manage the models.");
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Refused: the request came from another site.");
            return;
        }
        identityService.setAuthentication(user, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** [user, password], or null when the header is missing or not HTTP Basic. */
    static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false; // not a browser (curl, scripts): no credentials of a browser to misuse
        }
        try {
            URI from = URI.create(origin);
            String authority = from.getHost() + (from.getPort() < 0 ? "" : ":" + from.getPort());
            return from.getHost() == null || !authority.equalsIgnoreCase(request.getHeader("Host"));
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + message + "\"}");
    }
}
