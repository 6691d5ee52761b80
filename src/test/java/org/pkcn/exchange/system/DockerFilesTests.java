package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/**
 * docker/Dockerfile and docker/compose.yaml agree with the application, since no Docker engine runs where the
 * tests run: every variable set for an application node is one the application reads, each node has what its
 * profile requires, the ports and the health check are the application's, and the image carries the models
 * where the application reads them, starts from the class-data archive it trained and runs without root.
 */
class DockerFilesTests {

    private static final Pattern HEALTH_URL = Pattern.compile("https?://(?:localhost|127\\.0\\.0\\.1):(\\d+)(/\\S*)");

    private final ApplicationSettings settings = new ApplicationSettings();
    private final Dockerfile dockerfile = Deployment.dockerfile();

    @Test
    void everyVariableSetForTheNodes_isOneTheApplicationReads() {
        Map<String, String> image = dockerfile.last().environment();
        assertThat(image.keySet()).as("ENV of the image").allSatisfy(variable ->
                assertThat(settings.reads(variable)).as("%s binds to a property the application reads", variable).isTrue());
        Deployment.nodes().forEach((name, node) -> assertThat(ComposeFile.environmentOf(node).keySet())
                .as("environment of %s", name).isNotEmpty().allSatisfy(variable ->
                        assertThat(settings.reads(variable)).as("%s of %s binds to a property the application reads",
                                variable, name).isTrue()));
    }

    @Test
    void aVariableNamedLikeNoSetting_isCaught() {
        assertThat(settings.reads("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(settings.reads("EXCHANGE_MODELS_PROCESSES_DIR")).isTrue();
        assertThat(settings.reads("EXCHANGE_ADMIN_PASSWORD")).isTrue();
        assertThat(settings.reads("SPRING_DATASOURCE_URI")).isFalse();
        assertThat(settings.reads("EXCHANGE_MODEL_PROCESSES_DIR")).isFalse();
    }

    @Test
    void eachNode_hasEverythingItsProfilesRequire() {
        Deployment.nodes().forEach((name, node) -> {
            StandardEnvironment environment = resolvedFor(node);
            assertThat(ApplicationSettings.profilesOf(environment)).as("profiles of %s", name).containsExactly("postgres");
            for (String key : settings.keysOf(ApplicationSettings.profilesOf(environment))) {
                assertThatCode(() -> environment.getProperty(key)).as("%s of %s", key, name).doesNotThrowAnyException();
            }
            assertThat(environment.getProperty("spring.datasource.url")).as("datasource of %s", name)
                    .startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(environment.getProperty("spring.mail.host")).as("SMTP server of %s", name).isEqualTo("mailpit");
        });
    }

    @Test
    void secretsComeFromTheOperator_noneIsWrittenInTheFile() {
        Deployment.nodes().forEach((name, node) -> ComposeFile.environmentOf(node).forEach((variable, value) -> {
            if (variable.contains("PASSWORD") || variable.contains("SECRET")) {
                assertThat(ComposeFile.variablesIn(value)).as("%s of %s is ${VARIABLE:?...}", variable, name)
                        .singleElement().satisfies(required -> assertThat(required.required()).isTrue());
            }
        }));
    }

    @Test
    void portsAndHealthCheck_areTheApplications() {
        var last = dockerfile.last();
        List<String> healthChecks = last.arguments("HEALTHCHECK");
        assertThat(healthChecks).as("HEALTHCHECK").hasSize(1);
        Matcher url = HEALTH_URL.matcher(healthChecks.get(0));
        assertThat(url.find()).as("a URL on the container itself in %s", healthChecks.get(0)).isTrue();

        Deployment.nodes().forEach((name, node) -> {
            StandardEnvironment environment = resolvedFor(node);
            String port = environment.getProperty("management.server.port", environment.getProperty("server.port"));
            String health = environment.getProperty("management.endpoints.web.base-path", "/actuator") + "/"
                    + environment.getProperty("management.endpoints.web.path-mapping.health", "health");
            assertThat(environment.getProperty("management.endpoints.web.exposure.include").split(","))
                    .as("exposed endpoints").contains("health");
            assertThat(url.group(1)).as("port of the health check").isEqualTo(port);
            assertThat(url.group(2)).as("path of the health check").isEqualTo(health);
            assertThat(last.arguments("EXPOSE")).as("EXPOSE").anySatisfy(exposed ->
                    assertThat(exposed.split("\\s+")).contains(port));
            assertThat(ComposeFile.portsOf(node)).as("ports of %s", name).isNotEmpty().allSatisfy(published ->
                    assertThat(published.replaceFirst("/tcp$", "")).as("container port of %s", name).endsWith(":" + port));
        });
    }

    @Test
    void theImageCarriesTheModels_whereTheApplicationReadsThem() throws IOException {
        var last = dockerfile.last();
        Map<String, String> copied = new HashMap<>();
        for (String copy : last.arguments("COPY")) {
            String[] words = copy.trim().split("\\s+");
            String source = words[words.length - 2].replaceAll("/+$", "");
            copied.put(source.substring(source.lastIndexOf('/') + 1),
                    last.absolute(words[words.length - 1]).replaceAll("/+$", ""));
        }
        StandardEnvironment environment = settings.resolve(dockerfile.last().environment());
        assertThat(copied).as("COPY of the last stage").containsEntry("processes",
                environment.getProperty("exchange.models.processes-dir"));
        assertThat(copied).containsEntry("forms", environment.getProperty("exchange.models.forms-dir"));
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).as(".dockerignore")
                .noneMatch(line -> line.strip().matches("/?(processes|forms)/?"));
    }

    /** A start whose class path or archive differs from the training run's ignores the archive without a word. */
    @Test
    void theImageStartsWithTheClassDataArchive_itsTrainingRunWroteForTheSameJar() {
        var last = dockerfile.last();
        Matcher training = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+) .*-jar (\\S+)")
                .matcher(String.join("\n", last.arguments("RUN")));
        assertThat(training.find()).as("a training run in the last stage").isTrue();
        List<String> entrypoint = List.of(last.arguments("ENTRYPOINT").get(0).replaceAll("[\\[\\]\"]", "")
                .split("\\s*,\\s*"));
        assertThat(entrypoint).as("ENTRYPOINT").contains("-XX:SharedArchiveFile=" + training.group(1));
        assertThat(entrypoint.get(entrypoint.indexOf("-jar") + 1)).as("the jar it starts").isEqualTo(training.group(2));
        assertThat(last.indexOf("RUN")).as("trained before the image drops root").isLessThan(last.indexOf("USER"));
    }

    @Test
    void theImageRunsWithoutRoot() {
        var last = dockerfile.last();
        List<String> users = last.arguments("USER");
        assertThat(users).as("USER in the last stage").isNotEmpty();
        String user = users.get(users.size() - 1).trim().split(":")[0];
        assertThat(user).as("the user the application runs as").isNotIn("root", "0");
        assertThat(last.indexOf("USER")).as("USER before ENTRYPOINT").isLessThan(last.indexOf("ENTRYPOINT"));
        assertThat(last.arguments("FROM").get(0)).as("a JRE only").contains("jre");
    }

    /** A node's settings with a value for every variable the operator must set. */
    private StandardEnvironment resolvedFor(Map<String, Object> node) {
        Map<String, String> operator = new HashMap<>();
        ComposeFile.environmentOf(node).values().forEach(value -> ComposeFile.variablesIn(value)
                .forEach(variable -> operator.put(variable.name(), "set-by-the-operator")));
        return settings.resolve(Deployment.containerEnvironment(node, operator));
    }
}
