package org.pkcn.exchange.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a proposal's history: what it became, who did it, when, and why. Never changed once written. */
@Entity
@Table(name = "status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "status_change_seq")
    @jakarta.persistence.SequenceGenerator(name = "status_change_seq", sequenceName = "status_change_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    private Proposal proposal;

    @Enumerated(EnumType.STRING)
    private ProposalStatus status;

    /** The account that caused the change; "system" for the process itself (screening, lapse). */
    private String actor;

    /** The reviewing party for decisions and change requests (STZA or ZBRA), else null. */
    private String party;

    @Column(length = 4000)
    private String comment;

    @Column(name = "changed_at")
    private Instant at;

    protected StatusChange() {
    }

    StatusChange(Proposal proposal, ProposalStatus status, String actor, String party, String comment, Instant at) {
        this.proposal = proposal;
        this.status = status;
        this.actor = actor;
        this.party = party;
        this.comment = comment;
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public ProposalStatus status() {
        return status;
    }

    public String actor() {
        return actor;
    }

    public String party() {
        return party;
    }

    public String comment() {
        return comment;
    }

    public Instant at() {
        return at;
    }

    @Override
    public String toString() {
        return status + " by " + actor + (party != null ? " (" + party + ")" : "") + " at " + at
                + (comment != null ? ": " + comment : "");
    }
}
