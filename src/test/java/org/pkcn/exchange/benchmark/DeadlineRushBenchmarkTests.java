package org.pkcn.exchange.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link DeadlineRush} under Maven, against the jar {@code ./mvnw -B package -DskipTests} made:
 * {@code ./mvnw -B test -Dgroups=deadline-rush [-Dbench.mode=full]}. Not part of {@code ./mvnw verify}.
 * It asserts only that the run completes without errors; the targets are shown, never asserted.
 */
@Tag("deadline-rush")
class DeadlineRushBenchmarkTests {

    @Test
    void deadlineRush() throws Exception {
        DeadlineRush.main(new String[0]);
    }
}
