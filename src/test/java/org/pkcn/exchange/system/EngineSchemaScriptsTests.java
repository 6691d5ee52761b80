package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The engine's schema scripts under db/camunda/postgres are Camunda's own, byte for byte, and reach the
 * engine's version: Camunda's frozen 7.16.0 baseline (the one its Liquibase changelog starts from), then
 * every upgrade script the engine jar carries. After a Camunda upgrade this fails until the new upgrade
 * script is copied in, as {@code V<to>.0__upgrade_<from>_to_<to>.sql}: the upgrade is a reviewed commit.
 */
class EngineSchemaScriptsTests {

    private static final String OURS = "classpath:db/camunda/postgres/";
    private static final String CAMUNDAS = "org/camunda/bpm/engine/db/";
    private static final Pattern BASELINE = Pattern.compile("V7\\.16\\.0\\.\\d__baseline_(\\w+)\\.sql");
    private static final Pattern UPGRADE = Pattern.compile("V(\\d+\\.\\d+)\\.0__upgrade_(\\d+\\.\\d+)_to_(\\d+\\.\\d+)\\.sql");

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Test
    void eachScript_isCamundasUnchanged() throws IOException {
        Resource[] scripts = resolver.getResources(OURS + "*.sql");
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(8);
        for (Resource script : scripts) {
            assertThat(read(script)).as("%s equals Camunda's %s", script.getFilename(), camundasSourceOf(script))
                    .isEqualTo(readCamundas(camundasSourceOf(script)));
        }
    }

    @Test
    void theBaselineHasEveryComponentTheEngineCreates() throws IOException {
        List<String> components = new ArrayList<>();
        for (Resource script : resolver.getResources(OURS + "V7.16.0.*.sql")) {
            Matcher baseline = BASELINE.matcher(script.getFilename());
            assertThat(baseline.matches()).as(script.getFilename()).isTrue();
            components.add(baseline.group(1));
        }
        assertThat(components).containsExactlyInAnyOrder("engine", "history", "identity", "case_engine",
                "case_history", "decision_engine", "decision_history");
    }

    @Test
    void everyUpgradeCamundaShips_isHere_upToTheEnginesVersion() throws IOException {
        TreeSet<String> camundas = new TreeSet<>();
        for (Resource upgrade : resolver.getResources("classpath*:" + CAMUNDAS + "liquibase/upgrade/postgres_engine_*_to_*.sql")) {
            camundas.add(upgrade.getFilename());
        }
        TreeSet<String> ours = new TreeSet<>();
        String highest = "7.16";
        for (Resource script : resolver.getResources(OURS + "V*__upgrade_*.sql")) {
            Matcher upgrade = UPGRADE.matcher(script.getFilename());
            assertThat(upgrade.matches()).as("%s is named V<to>.0__upgrade_<from>_to_<to>.sql", script.getFilename())
                    .isTrue();
            assertThat(upgrade.group(1)).as("version of %s", script.getFilename()).isEqualTo(upgrade.group(3));
            ours.add("postgres_engine_" + upgrade.group(2) + "_to_" + upgrade.group(3) + ".sql");
            highest = newer(highest, upgrade.group(3));
        }
        assertThat(ours).as("Camunda's upgrade scripts after the 7.16.0 baseline").isEqualTo(camundas);
        assertThat(ProductPropertiesUtil.getProductVersion()).as("the engine's version").startsWith(highest + ".");
    }

    /** V7.16.0.4__baseline_case_engine.sql: liquibase/baseline/liquibase.postgres.create.case.engine.sql */
    private static String camundasSourceOf(Resource script) {
        Matcher baseline = BASELINE.matcher(script.getFilename());
        if (baseline.matches()) {
            return CAMUNDAS + "liquibase/baseline/liquibase.postgres.create." + baseline.group(1).replace('_', '.') + ".sql";
        }
        Matcher upgrade = UPGRADE.matcher(script.getFilename());
        assertThat(upgrade.matches()).as("%s is a baseline or an upgrade script", script.getFilename()).isTrue();
        return CAMUNDAS + "upgrade/postgres_engine_" + upgrade.group(2) + "_to_" + upgrade.group(3) + ".sql";
    }

    private static String newer(String a, String b) {
        int[] x = minor(a);
        int[] y = minor(b);
        return x[0] != y[0] ? (x[0] > y[0] ? a : b) : (x[1] >= y[1] ? a : b);
    }

    private static int[] minor(String version) {
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    private static byte[] read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] readCamundas(String path) throws IOException {
        try (InputStream in = EngineSchemaScriptsTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("Camunda's %s in the engine jar", path).isNotNull();
            return in.readAllBytes();
        }
    }
}
