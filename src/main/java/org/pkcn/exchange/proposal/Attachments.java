package org.pkcn.exchange.proposal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The documents attached to proposals. */
public interface Attachments extends JpaRepository<Attachment, Long> {

    @Query("select new org.pkcn.exchange.proposal.AttachmentSummary(a.id, a.fileName, a.mediaType, a.sizeBytes,"
            + " a.uploadedBy, a.uploadedAt) from Attachment a where a.proposalId = :proposalId order by a.id")
    List<AttachmentSummary> summariesOf(Long proposalId);

    long countByProposalId(Long proposalId);

    Optional<Attachment> findByIdAndProposalId(Long id, Long proposalId);
}
