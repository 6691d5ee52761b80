package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.proposal.BusinessEvents;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;

/**
 * JSON logs (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs) carry a business event's reference as a field of its own,
 * for the log platform to search by. Spring Boot sets up logging once per JVM, and the test JVM's is set
 * already, so the console's encoder for that setting, Boot's {@link StructuredLogEncoder} with the format
 * "ecs", is attached here to the root logger for the time of the test.
 */
@ExchangeTest
class StructuredLogsTests extends ProcessScenario {

    @Autowired Environment environment;
    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> jsonConsole;

    @BeforeEach
    void logAsWithTheEcsSetting() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        jsonConsole = new OutputStreamAppender<>();
        jsonConsole.setContext(context);
        jsonConsole.setEncoder(encoder);
        jsonConsole.setOutputStream(console);
        jsonConsole.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(jsonConsole);
    }

    @AfterEach
    void back() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(jsonConsole);
        jsonConsole.stop();
    }

    @Test
    void jsonLogs_everyLineParses_andEventsCarryTheReferenceAsAField() throws Exception {
        String reference = referenceOf(submit(SampleProposals.jointAiResearch()));
        runPendingStep(reference);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : console.toString(StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        assertThat(lines).as("JSON lines").isNotEmpty();
        List<JsonNode> events = lines.stream().filter(line -> reference.equals(line.path("reference").asText())).toList();
        assertThat(events).extracting(line -> line.path("businessEvent").asText())
                .containsExactly("submitted", "notified");
        assertThat(events).allSatisfy(line -> {
            assertThat(line.path("message").asText()).contains(reference);
            assertThat(line.toString()).contains(BusinessEvents.LOGGER).contains("\"INFO\"");
            assertThat(line.has("@timestamp")).isTrue();
        });
    }
}
