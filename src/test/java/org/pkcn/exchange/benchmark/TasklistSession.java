package org.pkcn.exchange.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A reviewer signed in to the Tasklist, asking what the Tasklist asks: its session cookie and CSRF token
 * instead of HTTP Basic, and the engine API under the webapp's path, where the user's groups and review
 * spaces are those the sign-in looked up once, not on every call.
 */
final class TasklistSession {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private String csrfToken;

    private TasklistSession(String base) {
        this.base = base;
    }

    /**
     * Signs in as the Tasklist's login page does, with the CSRF token the webapp handed out first; signing in
     * starts a new session, whose token the Tasklist then gets with its page, as here.
     */
    static TasklistSession signIn(String base, String user) throws Exception {
        TasklistSession session = new TasklistSession(base);
        session.csrfToken = session.tokenFromTheTasklistPage();
        HttpResponse<String> login = session.client.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException(user + " could not sign in to the Tasklist: " + login.statusCode());
        }
        session.csrfToken = session.tokenFromTheTasklistPage();
        return session;
    }

    private String tokenFromTheTasklistPage() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return page.headers().firstValue("X-XSRF-TOKEN")
                .orElseThrow(() -> new IllegalStateException("The Tasklist handed out no CSRF token: " + page.statusCode()));
    }

    /** A page of a filter as the Tasklist asks for it: hal+json, which carries the filter's count too. */
    HttpResponse<String> filterPage(String filterId, int maxResults, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/filter/"
                        + filterId + "/list?firstResult=0&maxResults=" + maxResults))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Accept", "application/hal+json").header("X-XSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
