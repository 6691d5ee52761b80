package org.pkcn.exchange.proposal;

import java.time.Clock;
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

    public ProposalRegistry(Proposals proposals, ProposalValidator validator, Clock clock) {
        this.proposals = proposals;
        this.validator = validator;
        this.clock = clock;
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
        return proposal;
    }

    public void screenOut(String reference, String reason) {
        get(reference).screenOut(reason, clock.instant());
    }

    public Proposal resubmit(String reference, Map<String, ?> input, String applicantUser) {
        Proposal proposal = get(reference);
        proposal.resubmit(validator.validate(input), applicantUser, clock.instant());
        return proposal;
    }

    public void lapse(String reference) {
        get(reference).lapse(clock.instant());
    }

    public void withdraw(String reference, String applicantUser, String reason) {
        get(reference).withdraw(applicantUser, reason, clock.instant());
    }

    /** Records a reviewing party's decision; which status it leads to is the review module's rule. */
    public void requestChanges(String reference, String party, String reviewer, String comment) {
        get(reference).requestChanges(party, reviewer, comment, clock.instant());
    }

    public void approveForStza(String reference, String reviewer, String comment) {
        get(reference).approveForStza(reviewer, comment, clock.instant());
    }

    public void approve(String reference, String party, String reviewer, String comment) {
        get(reference).approve(party, reviewer, comment, clock.instant());
    }

    public void reject(String reference, String party, String reviewer, String comment) {
        get(reference).reject(party, reviewer, comment, clock.instant());
    }

    public Proposal get(String reference) {
        return proposals.findByReference(reference).orElseThrow(() -> new ProposalNotFoundException(reference));
    }
}
