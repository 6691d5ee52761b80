package org.pkcn.exchange.proposal;

/** The caller may see the proposal, or is signed in, but may not do this: only its applicant changes a proposal. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
