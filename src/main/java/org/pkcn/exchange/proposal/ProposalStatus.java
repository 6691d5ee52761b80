package org.pkcn.exchange.proposal;

/** Where a proposal stands. The final ones close it: nothing changes it afterwards. */
public enum ProposalStatus {
    SUBMITTED(false),
    SCREENED_OUT(true),
    CHANGES_REQUESTED(false),
    RESUBMITTED(false),
    STZA_APPROVED(false),
    APPROVED(true),
    REJECTED(true),
    WITHDRAWN(true),
    LAPSED(true);

    private final boolean isFinal;

    ProposalStatus(boolean isFinal) {
        this.isFinal = isFinal;
    }

    public boolean isFinal() {
        return isFinal;
    }
}
