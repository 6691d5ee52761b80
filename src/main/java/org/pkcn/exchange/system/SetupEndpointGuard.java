package org.pkcn.exchange.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Admin webapp's first-run setup ({@code /camunda/api/admin/setup/...}) for good. In Camunda
 * 7.24.0 it lets an anonymous visitor create an administrator whenever no user is a direct member of
 * camunda-admin (CVE-2026-77226); here the first administrator always comes from configuration.
 */
class SetupEndpointGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN,
                "The first-run setup is closed: the first administrator is created from configuration.");
    }
}
