package org.pkcn.exchange.proposal;

/** The proposal has no attachment with this id. */
public class AttachmentNotFoundException extends RuntimeException {

    public AttachmentNotFoundException(String reference, Long attachmentId) {
        super("Proposal " + reference + " has no attachment " + attachmentId);
    }
}
