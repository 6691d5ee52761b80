package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.BasicAuth.basic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The SMTP and administrator passwords never show in the logs, the actuator or an error answer. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mail.password=smtp-Secret-4711", "exchange.admin.password=admin-Secret-0815"})
@ActiveProfiles("test")
class SecretsStayHiddenTests {

    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void secrets_appearNowhere(CapturedOutput output) throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/configprops", "/actuator/health",
                "/engine-rest/no-such-thing", "/api/proposals/PKCN-0000-00000"}) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", basic("nobody", "admin-Secret-0815")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).as(path).doesNotContain("smtp-Secret-4711").doesNotContain("admin-Secret-0815");
            if (path.contains("env") || path.contains("configprops")) {
                assertThat(response.statusCode()).as(path).isEqualTo(404);
            }
        }
        assertThat(output.getAll()).doesNotContain("smtp-Secret-4711").doesNotContain("admin-Secret-0815");
    }
}
