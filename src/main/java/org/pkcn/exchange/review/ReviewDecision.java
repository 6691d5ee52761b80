package org.pkcn.exchange.review;

/** What a reviewer decides. Anything but an approval must say why. */
public enum ReviewDecision {
    APPROVE, REJECT, REQUEST_CHANGES;

    public boolean needsComment() {
        return this != APPROVE;
    }
}
