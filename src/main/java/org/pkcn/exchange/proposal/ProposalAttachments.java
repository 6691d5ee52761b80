package org.pkcn.exchange.proposal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of a proposal: PDF, DOCX, XLSX, PNG or JPEG (judged by content), at most
 * {@value #MAX_BYTES} bytes each and {@value #MAX_PER_PROPOSAL} per proposal. Added while the proposal is
 * open; removed only while it waits for the applicant's revision, so reviewers never lose a document
 * they are reading. Joins the caller's transaction: a refused file leaves nothing stored.
 */
@Service
@Transactional
public class ProposalAttachments {

    /** The field name errors about attachments carry, on every way in. */
    public static final String FIELD = "attachments";
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_PER_PROPOSAL = 5;
    static final int MAX_NAME = 255;

    private final Attachments attachments;
    private final Clock clock;

    public ProposalAttachments(Attachments attachments, Clock clock) {
        this.attachments = attachments;
        this.clock = clock;
    }

    /** What is wrong with these files, were they added to a proposal that has {@code existing} already. */
    public List<FieldError> problemsWith(List<Upload> uploads, long existing) {
        List<FieldError> errors = new ArrayList<>();
        if (existing + uploads.size() > MAX_PER_PROPOSAL) {
            errors.add(new FieldError(FIELD, "too-many", "must be at most " + MAX_PER_PROPOSAL
                    + " files per proposal (it would have " + (existing + uploads.size()) + ")"));
        }
        for (Upload upload : uploads) {
            String name = cleanName(upload.fileName());
            if (upload.content().length == 0) {
                errors.add(new FieldError(FIELD, "empty", "must not be empty ('" + name + "' has no content)"));
            } else if (upload.content().length > MAX_BYTES) {
                errors.add(new FieldError(FIELD, "too-large", "must be at most 10 MB each ('" + name + "' has "
                        + megabytes(upload.content().length) + " MB)"));
            } else if (AttachmentType.detect(upload.content()).isEmpty()) {
                errors.add(new FieldError(FIELD, "file-type", "must be a PDF, DOCX, XLSX, PNG or JPEG file ('"
                        + name + "' is none of these, whatever its name says)"));
            }
        }
        return errors;
    }

    public List<AttachmentSummary> add(Proposal proposal, List<Upload> uploads, String user) {
        if (uploads.isEmpty()) {
            return of(proposal);
        }
        if (proposal.status().isFinal()) {
            throw new ProposalStateException("Proposal " + proposal.reference() + " is " + proposal.status()
                    + ": documents can no longer be added");
        }
        List<FieldError> errors = problemsWith(uploads, attachments.countByProposalId(proposal.id()));
        if (!errors.isEmpty()) {
            throw new InvalidProposalException(errors);
        }
        for (Upload upload : uploads) {
            AttachmentType type = AttachmentType.detect(upload.content()).orElseThrow();
            attachments.save(new Attachment(proposal.id(), cleanName(upload.fileName()), type, upload.content(),
                    sha256(upload.content()), user, clock.instant()));
        }
        return of(proposal);
    }

    public void remove(Proposal proposal, Long attachmentId) {
        Attachment attachment = content(proposal, attachmentId);
        if (proposal.status() != ProposalStatus.CHANGES_REQUESTED) {
            throw new ProposalStateException("Proposal " + proposal.reference() + " is " + proposal.status()
                    + ": documents can be removed only while it waits for your revision");
        }
        attachments.delete(attachment);
    }

    @Transactional(readOnly = true)
    public List<AttachmentSummary> of(Proposal proposal) {
        return attachments.summariesOf(proposal.id());
    }

    @Transactional(readOnly = true)
    public Attachment content(Proposal proposal, Long attachmentId) {
        return Optional.ofNullable(attachmentId).flatMap(id -> attachments.findByIdAndProposalId(id, proposal.id()))
                .orElseThrow(() -> new AttachmentNotFoundException(proposal.reference(), attachmentId));
    }

    /** The name without folders or control characters, at most {@value #MAX_NAME} characters. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "attachment";
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
