package org.pkcn.exchange.review;

/**
 * The two reviewing parties, in the order they review, with the groups that do the work.
 * The process model names the same groups when it calls a review (a test keeps the two in step).
 * Each party's reviews live in its own review space (an engine tenant, {@link #reviewSpace()}): what
 * keeps STZA's reviewers out of ZBRA's tasks, and the other way round.
 */
public enum Party {
    STZA("stza-reviewers", "stza-supervisors", "stza"),
    ZBRA("zbra-reviewers", "zbra-supervisors", "zbra");

    private final String reviewers;
    private final String supervisors;
    private final String reviewSpace;

    Party(String reviewers, String supervisors, String reviewSpace) {
        this.reviewers = reviewers;
        this.supervisors = supervisors;
        this.reviewSpace = reviewSpace;
    }

    public String reviewSpace() {
        return reviewSpace;
    }

    public String reviewers() {
        return reviewers;
    }

    public String supervisors() {
        return supervisors;
    }
}
