package org.pkcn.exchange.review;

/**
 * The two reviewing parties, in the order they review, with the groups that do the work.
 * The process model names the same groups when it calls a review (a test keeps the two in step).
 */
public enum Party {
    STZA("stza-reviewers", "stza-supervisors"),
    ZBRA("zbra-reviewers", "zbra-supervisors");

    private final String reviewers;
    private final String supervisors;

    Party(String reviewers, String supervisors) {
        this.reviewers = reviewers;
        this.supervisors = supervisors;
    }

    public String reviewers() {
        return reviewers;
    }

    public String supervisors() {
        return supervisors;
    }
}
