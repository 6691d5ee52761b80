package org.pkcn.exchange.proposal;

import java.time.Instant;

/** What a list of attachments shows, without the bytes. */
public record AttachmentSummary(Long id, String fileName, String mediaType, long sizeBytes, String uploadedBy,
        Instant uploadedAt) {
}
