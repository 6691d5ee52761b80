package org.pkcn.exchange.proposal;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees which proposal. Applicants see their own and nothing else: another applicant's reference is
 * answered exactly like one that does not exist. Reviewers and administrators read every proposal; only
 * the applicant changes one.
 */
@Service
@Transactional(readOnly = true)
public class ProposalAccess {

    public static final int MAX_PAGE_SIZE = 100;

    private final Proposals proposals;

    public ProposalAccess(Proposals proposals) {
        this.proposals = proposals;
    }

    /** The proposal, if the caller may read it; else not found, whether it exists or not. */
    public Proposal readable(Caller caller, String reference) {
        Proposal proposal = proposals.findByReference(reference).orElseThrow(() -> new ProposalNotFoundException(reference));
        if (!caller.owns(proposal) && !caller.readsAll()) {
            throw new ProposalNotFoundException(reference);
        }
        return proposal;
    }

    /** Every version of the proposal the applicant submitted, if the caller may read it. */
    public List<SubmittedVersion> versions(Caller caller, String reference) {
        return readable(caller, reference).versions();
    }

    /** The proposal, if the caller is its applicant. */
    public Proposal owned(Caller caller, String reference) {
        Proposal proposal = readable(caller, reference);
        if (!caller.owns(proposal)) {
            throw new NotAllowedException("Only the applicant who submitted " + reference + " may change it");
        }
        return proposal;
    }

    /** The caller's own proposals, newest first. */
    public Page<ProposalSummary> mine(Caller caller, int page, int size) {
        return proposals.findByApplicantUser(caller.userId(), pageOf(page, size)).map(ProposalSummary::of);
    }

    /** Every proposal, newest first: for reviewers and administrators only. */
    public Page<ProposalSummary> all(Caller caller, int page, int size) {
        if (!caller.readsAll()) {
            throw new NotAllowedException("Only reviewers and administrators list every proposal");
        }
        return proposals.findAll(pageOf(page, size)).map(ProposalSummary::of);
    }

    private static PageRequest pageOf(int page, int size) {
        return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE),
                Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id")));
    }
}
