package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.BasicAuth.basic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What a browser and an attacker see: cookie attributes, security headers, login throttling, no XXE. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserAndLoginSecurityTests {

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void overHttps_cookiesAreSecureHttpOnlySameSite_andHstsIsSent() throws Exception {
        var page = http.send(viaHttpsProxy("/camunda/app/tasklist/").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("XSRF-TOKEN"))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("Secure").contains("SameSite=Lax"));

        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        // The test talks plain HTTP to the server, as a TLS-terminating proxy does: it sends the (Secure)
        // cookies itself, as the browser would over HTTPS.
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList());
        var login = http.send(viaHttpsProxy("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=stza-reviewer&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID"))
                .isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly").contains("Secure")
                        .contains("SameSite=Lax"));
    }

    @Test
    void overPlainHttp_cookiesAreNotMarkedSecure_soLocalhostStillWorks() throws Exception {
        var page = http.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }

    @Test
    void modifyingWebappRequestWithoutCsrfToken_isForbidden() throws Exception {
        var response = http.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=stza-reviewer&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void tenFailedLogins_lockTheAccountEvenAgainstTheRightPassword() throws Exception {
        String id = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(id);
        user.setPassword("the-right-password-1");
        identityService.saveUser(user);
        assertThat(engineRestAs(id, "the-right-password-1")).isEqualTo(200);

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(engineRestAs(id, "guess-" + attempt)).isEqualTo(401);
        }

        // The service's limit on failed attempts answers first (as the applicants' API does), the engine's lock too.
        assertThat(engineRestAs(id, "the-right-password-1")).as("throttled").isEqualTo(429);
        assertThat(identityService.checkPassword(id, "the-right-password-1")).as("locked").isFalse();
    }

    @Test
    void bpmnWithAnExternalEntity_isRejectedWithoutEchoingTheFile(@TempDir Path folder) throws Exception {
        Path secret = folder.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CANARY-42");
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [<!ENTITY leak SYSTEM "%s">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="Process_Leak" name="&leak;" isExecutable="true" />
                </definitions>
                """.formatted(secret.toUri());
        long deployments = repositoryService.createDeploymentQuery().count();

        String boundary = "----xxe" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nleak\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"leak.bpmn\"; filename=\"leak.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        var response = http.send(HttpRequest.newBuilder(url("/engine-rest/deployment/create"))
                .header("Authorization", basic("admin", "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).doesNotContain("TOP-SECRET-CANARY-42").containsIgnoringCase("DOCTYPE");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    private int engineRestAs(String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(url("/engine-rest/task?firstResult=0&maxResults=1"))
                .header("Authorization", basic(user, password)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private HttpRequest.Builder viaHttpsProxy(String path) {
        return HttpRequest.newBuilder(url(path)).header("X-Forwarded-Proto", "https");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

}
