package org.pkcn.exchange.deployment;

import java.util.List;

/**
 * The dry run of a migration from one version of a process to another: how the engine maps the activities, and for
 * each running instance of the old version whether it can move, and if not, why.
 *
 * @param mapped activities of the old version with their counterpart in the new one (as the engine maps them)
 * @param unmapped activities of the old version where an instance can wait (a task, a call, an event, an
 *        asynchronous step) and that have no counterpart: an instance waiting there cannot move
 * @param added activities only the new version has
 * @param planProblems why the engine refuses the plan as a whole (then no instance can move)
 */
public record MigrationReport(Version source, Version target, List<Mapping> mapped, List<String> unmapped,
        List<String> added, List<String> planProblems, List<Instance> instances) {

    public record Version(String definitionId, String key, int version) {
    }

    public record Mapping(String sourceActivityId, String targetActivityId) {
    }

    /**
     * @param businessKey the proposal's reference
     * @param waitingAt the activities the instance is at
     * @param reasons why it cannot move (empty when it can)
     */
    public record Instance(String processInstanceId, String businessKey, List<String> waitingAt, boolean canMove,
            List<String> reasons) {
    }
}
