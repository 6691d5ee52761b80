package org.pkcn.exchange.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before the engine sees it, any query that carries an expression: a parameter or JSON property
 * named {@code ...Expression} (Camunda's way of saying "evaluate this"), or {@code expressions}, anywhere
 * in the request, {@code orQueries} included. Camunda 7.24.0 evaluates JUEL placed in {@code orQueries}
 * even with expressions in ad-hoc queries switched off (fixed only in non-public releases); evaluating
 * JUEL is running code on the server. Applies to the engine's REST API and the webapps' own API.
 * Multipart requests (deployments, whose models legitimately hold expressions) are left to the
 * deployment's own checks.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

    static final int MAX_INSPECTED_BODY = 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> inParameters = Collections.list(request.getParameterNames()).stream()
                .filter(QueryExpressionGuard::isExpressionName).findFirst();
        if (inParameters.isPresent()) {
            refuse(response, inParameters.get());
            return;
        }
        String contentType = String.valueOf(request.getContentType()).toLowerCase();
        if (!contentType.contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
        if (body.length > MAX_INSPECTED_BODY) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
            return;
        }
        Optional<String> inBody = expressionPropertyIn(body);
        if (inBody.isPresent()) {
            refuse(response, inBody.get());
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    static boolean isExpressionName(String name) {
        return name.endsWith("Expression") || name.equals("expressions");
    }

    private Optional<String> expressionPropertyIn(byte[] body) throws IOException {
        if (body.length == 0) {
            return Optional.empty();
        }
        try (JsonParser parser = json.getFactory().createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && isExpressionName(parser.currentName())) {
                    return Optional.of(parser.currentName());
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
            return Optional.empty(); // the API itself answers malformed JSON with its own 400
        }
        return Optional.empty();
    }

    private static void refuse(HttpServletResponse response, String name) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"Queries may not carry "
                + "expressions; '" + name.replaceAll("[^A-Za-z0-9]", "") + "' is refused and nothing was evaluated.\"}");
    }

    /** The request again, with the body already read put back for the API. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
