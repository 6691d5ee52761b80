package org.pkcn.exchange.proposal;

/** No proposal has this reference (or none the caller may see: the two are told apart nowhere). */
public class ProposalNotFoundException extends RuntimeException {

    public ProposalNotFoundException(String reference) {
        super("No proposal with reference " + reference);
    }
}
