package org.pkcn.exchange.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.process.ProposalVariables;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.proposal.ProposalValidator;

/**
 * One tuning step, measured on its own: processes/eligibility.dmn evaluated by the DMN engine with the Scala FEEL
 * engine (Camunda's default) and with the Java FEEL engine plus JUEL inputs (the service's setting,
 * {@code dmn-feel-enable-legacy-behavior}), same inputs, same answer. Median and spread of 7 rounds of 2,000
 * evaluations each, after 3 rounds of warm-up; written to target/benchmark/decision-table.md.
 */
@Tag("deadline-rush")
class DecisionTableBenchmarkTests {

    private static final int ROUNDS = 7;
    private static final int PER_ROUND = 2000;

    @Test
    void eligibility_onScalaFeel_andOnJavaFeel() throws Exception {
        VariableMap facts = Variables.fromMap(ProposalVariables.of(new ProposalValidator(Clock.systemUTC()).validate(
                SampleProposals.jointAiResearch())));
        Map<String, DescriptiveStatistics> micros = new HashMap<>();
        Map<String, Object> answers = new HashMap<>();
        for (String engine : new String[] {"Scala FEEL (default)", "Java FEEL + JUEL inputs (service)"}) {
            DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
                    .createDefaultDmnEngineConfiguration();
            configuration.enableFeelLegacyBehavior(engine.contains("Java"));
            DmnEngine dmn = configuration.buildEngine();
            DmnDecision eligibility;
            try (InputStream table = Files.newInputStream(Path.of("processes", "eligibility.dmn"))) {
                eligibility = dmn.parseDecisions(table).get(0);
            }
            DescriptiveStatistics stats = new DescriptiveStatistics();
            for (int round = -3; round < ROUNDS; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    answers.put(engine, dmn.evaluateDecisionTable(eligibility, facts).getSingleResult().getEntryMap());
                }
                if (round >= 0) {
                    stats.addValue((System.nanoTime() - start) / 1000.0 / PER_ROUND);
                }
            }
            micros.put(engine, stats);
        }

        StringBuilder md = new StringBuilder("Decision table eligibility.dmn, µs per evaluation, " + ROUNDS + " rounds of "
                + PER_ROUND + ", " + Runtime.getRuntime().availableProcessors() + " cores\n\n"
                + "| engine | median | min | max |\n|---|---:|---:|---:|\n");
        micros.forEach((engine, stats) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", engine,
                stats.getPercentile(50), stats.getMin(), stats.getMax())));
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.writeString(Path.of("target", "benchmark", "decision-table.md"), md);
        System.out.println(md);

        assertThat(answers.values()).as("both engines decide the same").hasSize(2).allMatch(answers.values().iterator()
                .next()::equals);
    }
}
