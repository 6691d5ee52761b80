package org.pkcn.exchange.deployment;

import java.time.Instant;
import java.util.List;

/**
 * Where a migration stands: the engine's batch (RUNNING until every instance handed to it was moved or failed, then
 * FINISHED, or FAILED when a part of it gave up), and each instance considered.
 */
public record MigrationStatus(String batchId, MigrationReport.Version source, MigrationReport.Version target,
        String requestedBy, Instant requestedAt, State state, List<Instance> instances) {

    public enum State {
        /** Nothing could move: no batch was started. */
        NOTHING_TO_MOVE, RUNNING, FINISHED, FAILED
    }

    public enum Outcome {
        /** On the new version. */
        MOVED,
        /** Handed to the batch, not moved yet. */
        PENDING,
        /** Handed to the batch, which failed to move it; still on the old version, untouched. */
        FAILED,
        /** Not handed to the batch, since it could not move; still on the old version, untouched. */
        STAYED,
        /** Ended meanwhile. */
        ENDED
    }

    public record Instance(String processInstanceId, String businessKey, Outcome outcome, String reason) {
    }
}
