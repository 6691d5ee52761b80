package org.pkcn.exchange;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser's session with one of Camunda's webapps (tasklist, cockpit, admin): its cookies and CSRF token,
 * signed in as the webapp's login page signs in, then asking the engine under the webapp's path, where the
 * user's groups and review spaces are those the sign-in looked up once, not on every call.
 */
public final class WebappSession {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String app;
    private String csrfToken;

    /** Opens the webapp's page, which hands out the CSRF token the login needs. */
    public WebappSession(String base, String app) throws Exception {
        this.base = base;
        this.app = app;
        this.csrfToken = tokenFromThePage();
    }

    /**
     * Signs in with the token handed out first; returns the login's HTTP status. Signing in starts a new session,
     * whose token the webapp then gets with its page, as here.
     */
    public int signIn(String user, String password) throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() == 200) {
            csrfToken = tokenFromThePage();
        }
        return login.statusCode();
    }

    /** A POST of JSON as the webapp sends it, with the session's token; {@code accept} as the webapp asks. */
    public HttpResponse<String> post(String path, String accept, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", accept).header("X-XSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String tokenFromThePage() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return page.headers().firstValue("X-XSRF-TOKEN")
                .orElseThrow(() -> new IllegalStateException("The " + app + " webapp handed out no CSRF token: "
                        + page.statusCode()));
    }
}
