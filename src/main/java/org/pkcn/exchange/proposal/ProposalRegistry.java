package org.pkcn.exchange.proposal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's record of proposals. Every change goes through here and joins the caller's
 * transaction, so when the process engine moves a proposal on, the registry moves with it or not at all.
 */
@Service
@Transactional
public class ProposalRegistry {

    private final Proposals proposals;
    private final ProposalValidator validator;
    private final Clock clock;
    private final BusinessEvents events;

    public ProposalRegistry(Proposals proposals, ProposalValidator validator, Clock clock, BusinessEvents events) {
        this.proposals = proposals;
        this.validator = validator;
        this.clock = clock;
        this.events = events;
    }

    /** Validates and records a new proposal; refuses invalid input before anything is stored. */
    public Proposal register(Map<String, ?> input, String applicantUser) {
        if (applicantUser == null || applicantUser.isBlank()) {
            throw new InvalidProposalException(List.of(new FieldError("applicantUser", "required",
                    "is required: a proposal is submitted by a signed-in applicant account")));
        }
        ProposalDetails details = validator.validate(input);
        Proposal proposal = proposals.save(Proposal.submit(details, applicantUser, clock.instant()));
        proposal.assignReference();
        events.submitted(proposal.reference(), applicantUser);
        return proposal;
    }

    public void screenOut(String reference, String reason) {
        get(reference).screenOut(reason, clock.instant());
        events.screenedOut(reference, reason);
    }

    public Proposal resubmit(String reference, Map<String, ?> input, String applicantUser) {
        Proposal proposal = get(reference);
        proposal.resubmit(validator.validate(input), applicantUser, clock.instant());
        events.revised(reference);
        return proposal;
    }

    public void lapse(String reference) {
        get(reference).lapse(clock.instant());
        events.lapsed(reference);
    }

    public void withdraw(String reference, String applicantUser, String reason) {
        get(reference).withdraw(applicantUser, reason, clock.instant());
        events.withdrawn(reference);
    }

    /** Records a reviewing party's decision; which status it leads to is the review module's rule. */
    public void requestChanges(String reference, String party, String reviewer, String comment) {
        Proposal proposal = get(reference);
        Duration took = reviewTime(proposal);
        proposal.requestChanges(party, reviewer, comment, clock.instant());
        events.decided(reference, party, "REQUEST_CHANGES", took);
    }

    public void approveForStza(String reference, String reviewer, String comment) {
        Proposal proposal = get(reference);
        Duration took = reviewTime(proposal);
        proposal.approveForStza(reviewer, comment, clock.instant());
        events.decided(reference, "STZA", "APPROVE", took);
    }

    public void approve(String reference, String party, String reviewer, String comment) {
        Proposal proposal = get(reference);
        Duration took = reviewTime(proposal);
        proposal.approve(party, reviewer, comment, clock.instant());
        events.decided(reference, party, "APPROVE", took);
    }

    public void reject(String reference, String party, String reviewer, String comment) {
        Proposal proposal = get(reference);
        Duration took = reviewTime(proposal);
        proposal.reject(party, reviewer, comment, clock.instant());
        events.decided(reference, party, "REJECT", took);
    }

    /** How many proposals stand at each status: one grouped count (index proposal_status_idx). */
    @Transactional(readOnly = true)
    public Map<ProposalStatus, Long> countByStatus() {
        Map<ProposalStatus, Long> counts = new java.util.EnumMap<>(ProposalStatus.class);
        for (ProposalStatus status : ProposalStatus.values()) {
            counts.put(status, 0L);
        }
        proposals.countByStatus().forEach(row -> counts.put(row.getStatus(), row.getCount()));
        return counts;
    }

    /**
     * A review starts with the status change before its decision (submitted, resubmitted or approved by
     * STZA): the review task is created right after it.
     */
    private Duration reviewTime(Proposal proposal) {
        Duration took = Duration.between(proposal.latestChange().at(), clock.instant());
        return took.isNegative() ? Duration.ZERO : took;
    }

    /**
     * The proposal with its history. By the id the reference was made from, not by the reference: a lookup by id
     * is answered from the transaction's persistence context when the proposal is already in it, without a
     * statement; otherwise it reads the proposal and then its history. (Not with an entity graph, which would read
     * both in one statement: Hibernate 6.6 builds a new loader for every lookup by id with one, and that cost more
     * than the statement it saved.)
     */
    public Proposal get(String reference) {
        return Proposal.idIn(reference).flatMap(proposals::findById)
                .filter(proposal -> proposal.reference().equals(reference))
                .map(Proposal::withHistoryRead)
                .orElseThrow(() -> new ProposalNotFoundException(reference));
    }
}
