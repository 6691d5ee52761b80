package org.pkcn.exchange.proposal;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A version of a proposal that a resubmission replaced: the fields as the reviewers saw them until then.
 * Never changed once written; the proposal itself holds the current version.
 */
@Entity
@Table(name = "proposal_version")
class ProposalVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proposal_version_seq")
    @SequenceGenerator(name = "proposal_version_seq", sequenceName = "proposal_version_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    private Proposal proposal;

    /** 1 for the first submission, counting up with each resubmission. */
    private int number;

    private String submittedBy;

    private Instant submittedAt;

    private Instant replacedAt;

    @Embedded
    private ProposalDetails details;

    protected ProposalVersion() {
    }

    ProposalVersion(Proposal proposal, int number, ProposalDetails details, StatusChange submission,
            Instant replacedAt) {
        this.proposal = proposal;
        this.number = number;
        this.details = details;
        this.submittedBy = submission.actor();
        this.submittedAt = submission.at();
        this.replacedAt = replacedAt;
    }

    SubmittedVersion asSubmitted(SubmittedVersion before) {
        return SubmittedVersion.of(number, submittedBy, submittedAt, replacedAt, details, before);
    }
}
