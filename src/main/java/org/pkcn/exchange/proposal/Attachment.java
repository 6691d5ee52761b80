package org.pkcn.exchange.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A document attached to a proposal. Its type was found from its content; it never changes once stored. */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 1)
    private Long id;

    @Column(name = "proposal_id")
    private Long proposalId;

    private String fileName;

    private String mediaType;

    private long sizeBytes;

    private String sha256;

    private byte[] content;

    private String uploadedBy;

    private Instant uploadedAt;

    protected Attachment() {
    }

    Attachment(Long proposalId, String fileName, AttachmentType type, byte[] content, String sha256,
            String uploadedBy, Instant uploadedAt) {
        this.proposalId = proposalId;
        this.fileName = fileName;
        this.mediaType = type.mediaType();
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return content;
    }
}
