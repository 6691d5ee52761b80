package org.pkcn.exchange.proposal;

/** A file as the applicant sent it: the name they gave it and its bytes. */
public record Upload(String fileName, byte[] content) {
}
