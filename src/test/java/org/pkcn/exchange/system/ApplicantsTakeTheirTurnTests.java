package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.BasicAuth.basic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.proposal.Proposals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * On a running server with one place for applicants' work, taken: the API and the portal answer "busy, try
 * again" (503, Retry-After) and store nothing; the administrators' model API is not in the applicants' queue;
 * once the place is free the same submission goes through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exchange.web.concurrent-requests=1", "exchange.web.admission-wait=PT0.3S"})
@ActiveProfiles("test")
class ApplicantsTakeTheirTurnTests {

    @LocalServerPort int port;
    @Autowired RequestsInArrivalOrder arrivalOrder;
    @Autowired Proposals proposals;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void whenNoPlaceFreesInTime_applicantsAreToldToComeBack_andNothingIsStored() throws Exception {
        String proposal = new ObjectMapper().writeValueAsString(SampleProposals.jointAiResearch());
        long before = proposals.count();
        HandlerInterceptor admission = arrivalOrder.admission();
        MockHttpServletRequest longRequest = new MockHttpServletRequest("POST", "/api/proposals");
        admission.preHandle(longRequest, new MockHttpServletResponse(), null);
        try {
            HttpResponse<String> api = submit(proposal);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(api.headers().firstValue("Retry-After")).hasValue(ServiceBusyException.RETRY_AFTER_SECONDS);
            assertThat(api.body()).contains("busy", "nothing of it was done");
            assertThat(proposals.count()).isEqualTo(before);

            HttpResponse<String> portal = send(HttpRequest.newBuilder(uri("/portal/login")).header("Accept", "text/html"));
            assertThat(portal.statusCode()).isEqualTo(503);
            assertThat(portal.headers().firstValue("Retry-After")).hasValue(ServiceBusyException.RETRY_AFTER_SECONDS);
            assertThat(portal.body()).contains("Busy, please try again", "Nothing was done");

            HttpResponse<String> models = send(HttpRequest.newBuilder(uri("/admin/api/models"))
                    .header("Authorization", basic("admin", "demo")));
            assertThat(models.statusCode()).as("the administrators' model API").isEqualTo(200);
        } finally {
            admission.afterCompletion(longRequest, new MockHttpServletResponse(), null, null);
        }

        assertThat(submit(proposal).statusCode()).isEqualTo(201);
        assertThat(proposals.count()).isEqualTo(before + 1);
    }

    private HttpResponse<String> submit(String proposal) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/proposals")).header("Authorization", basic("applicant", "demo"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(proposal)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
