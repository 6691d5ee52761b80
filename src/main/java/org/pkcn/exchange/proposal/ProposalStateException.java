package org.pkcn.exchange.proposal;

/** A change the proposal's current status does not allow, such as withdrawing it twice. */
public class ProposalStateException extends RuntimeException {

    public ProposalStateException(String message) {
        super(message);
    }
}
