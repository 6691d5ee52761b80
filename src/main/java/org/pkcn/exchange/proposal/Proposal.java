package org.pkcn.exchange.proposal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partnership proposal and everything that happened to it. It guards its own status: each change is
 * checked against where it stands and written to its history with who, when and why.
 */
@Entity
@Table(name = "proposal")
public class Proposal {

    public static final String SYSTEM_ACTOR = "system";

    private static final Pattern REFERENCE = Pattern.compile("PKCN-\\d{4}-(\\d{5,18})");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proposal_seq")
    @SequenceGenerator(name = "proposal_seq", sequenceName = "proposal_seq", allocationSize = 1)
    private Long id;

    private String reference;

    private String applicantUser;

    @Embedded
    private ProposalDetails details;

    @Enumerated(EnumType.STRING)
    private ProposalStatus status;

    private String exchangeNumber;

    private Instant submittedAt;

    private Instant lastChangedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<StatusChange> history = new ArrayList<>();

    /** The versions resubmissions replaced, oldest first; {@link #details} is the current one. */
    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL)
    @OrderBy("number")
    private List<ProposalVersion> earlierVersions = new ArrayList<>();

    protected Proposal() {
    }

    static Proposal submit(ProposalDetails details, String applicantUser, Instant at) {
        var proposal = new Proposal();
        proposal.details = details;
        proposal.applicantUser = applicantUser;
        proposal.submittedAt = at;
        proposal.record(ProposalStatus.SUBMITTED, applicantUser, null, null, at);
        return proposal;
    }

    /** Called once the id exists: the reference reads as the programme, the year and the proposal's number. */
    void assignReference() {
        this.reference = "PKCN-" + submittedAt.atZone(ZoneOffset.UTC).getYear() + "-" + String.format("%05d", id);
    }

    /** The id a reference was made from by {@link #assignReference}; nothing if it cannot be one of ours. */
    static Optional<Long> idIn(String reference) {
        Matcher parts = reference == null ? null : REFERENCE.matcher(reference);
        return parts != null && parts.matches() ? Optional.of(Long.parseLong(parts.group(1))) : Optional.empty();
    }

    void screenOut(String reason, Instant at) {
        requireStatus("screened out", ProposalStatus.SUBMITTED);
        record(ProposalStatus.SCREENED_OUT, SYSTEM_ACTOR, null, reason, at);
    }

    void requestChanges(String party, String reviewer, String comment, Instant at) {
        requireStatus("sent back for changes", ProposalStatus.SUBMITTED, ProposalStatus.RESUBMITTED,
                ProposalStatus.STZA_APPROVED);
        record(ProposalStatus.CHANGES_REQUESTED, reviewer, party, comment, at);
    }

    void resubmit(ProposalDetails revised, String applicant, Instant at) {
        requireStatus("resubmitted", ProposalStatus.CHANGES_REQUESTED);
        earlierVersions.add(new ProposalVersion(this, currentVersion(), details, latestSubmission(), at));
        this.details = revised;
        record(ProposalStatus.RESUBMITTED, applicant, null, null, at);
    }

    void approveForStza(String reviewer, String comment, Instant at) {
        requireStatus("approved by STZA", ProposalStatus.SUBMITTED, ProposalStatus.RESUBMITTED);
        if (reached(ProposalStatus.STZA_APPROVED)) {
            throw new ProposalStateException("Proposal " + reference + " was approved by STZA already");
        }
        record(ProposalStatus.STZA_APPROVED, reviewer, "STZA", comment, at);
    }

    /** The final approval, after ZBRA's: the exchange gets its number, derived from the reference. */
    void approve(String party, String reviewer, String comment, Instant at) {
        requireStatus("approved", ProposalStatus.STZA_APPROVED, ProposalStatus.RESUBMITTED);
        if (!reached(ProposalStatus.STZA_APPROVED)) {
            throw new ProposalStateException("Proposal " + reference + " needs STZA's approval first");
        }
        this.exchangeNumber = "EX-" + at.atZone(ZoneOffset.UTC).getYear() + "-" + String.format("%05d", id);
        record(ProposalStatus.APPROVED, reviewer, party, comment, at);
    }

    void reject(String party, String reviewer, String comment, Instant at) {
        requireOpen("rejected");
        record(ProposalStatus.REJECTED, reviewer, party, comment, at);
    }

    void lapse(Instant at) {
        requireStatus("lapsed", ProposalStatus.CHANGES_REQUESTED);
        record(ProposalStatus.LAPSED, SYSTEM_ACTOR, null, "No revision arrived in time", at);
    }

    void withdraw(String applicant, String reason, Instant at) {
        requireOpen("withdrawn");
        record(ProposalStatus.WITHDRAWN, applicant, null, reason, at);
    }

    /** The most recent change into this status, if any. */
    public Optional<StatusChange> latest(ProposalStatus wanted) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).status() == wanted) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Every version the applicant submitted that the registry holds, oldest first; the last is the current one.
     * Versions replaced before the registry kept them (before V22) are missing, and so is what the next one changed.
     */
    public List<SubmittedVersion> versions() {
        int current = currentVersion();
        List<SubmittedVersion> versions = new ArrayList<>();
        SubmittedVersion before = null;
        // Only a resubmission keeps a version: a proposal never resubmitted (most) has none to load.
        for (ProposalVersion earlier : current == 1 ? List.<ProposalVersion>of() : earlierVersions) {
            before = earlier.asSubmitted(before);
            versions.add(before);
        }
        StatusChange submission = latestSubmission();
        versions.add(SubmittedVersion.of(current, submission.actor(), submission.at(), null, details, before));
        return versions;
    }

    /** The submission is version 1, each resubmission the next. */
    private int currentVersion() {
        return 1 + (int) history.stream().filter(change -> change.status() == ProposalStatus.RESUBMITTED).count();
    }

    /** The change that brought the current fields: the submission or the latest resubmission. */
    private StatusChange latestSubmission() {
        return latest(ProposalStatus.RESUBMITTED).orElseGet(() -> latest(ProposalStatus.SUBMITTED).orElseThrow());
    }

    public StatusChange latestChange() {
        return history.get(history.size() - 1);
    }

    public boolean reached(ProposalStatus wanted) {
        return latest(wanted).isPresent();
    }

    private void requireOpen(String action) {
        if (status.isFinal()) {
            throw new ProposalStateException("Proposal " + reference + " is " + status + " and cannot be " + action);
        }
    }

    private void requireStatus(String action, ProposalStatus... allowed) {
        requireOpen(action);
        if (!List.of(allowed).contains(status)) {
            throw new ProposalStateException("Proposal " + reference + " is " + status + " and cannot be " + action
                    + " now; that needs one of " + List.of(allowed));
        }
    }

    private void record(ProposalStatus newStatus, String actor, String party, String comment, Instant at) {
        this.status = newStatus;
        this.lastChangedAt = at;
        history.add(new StatusChange(this, newStatus, actor, party, comment, at));
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String applicantUser() {
        return applicantUser;
    }

    public ProposalDetails details() {
        return details;
    }

    public ProposalStatus status() {
        return status;
    }

    public String exchangeNumber() {
        return exchangeNumber;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant lastChangedAt() {
        return lastChangedAt;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    /** Reads the history in now, inside the transaction: callers read it after theirs has ended. */
    Proposal withHistoryRead() {
        history.size();
        return this;
    }
}
