package org.pkcn.exchange.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every cookie is {@code Secure} when the request came over HTTPS (directly, or through a proxy that says
 * so with X-Forwarded-Proto), and never on plain HTTP, so the embedded default still works on localhost.
 * Also sends the headers every response should carry: no MIME sniffing, no framing by other sites.
 */
class SecureCookiesOverHttps extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
    }

    private static final class SecureCookies extends HttpServletResponseWrapper {
        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secured(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secured(name, value));
        }

        private static String secured(String name, String value) {
            boolean isCookie = "Set-Cookie".equalsIgnoreCase(name);
            return isCookie && value != null && !value.toLowerCase().contains("; secure") ? value + "; Secure" : value;
        }
    }
}
