package org.pkcn.exchange.proposal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All proposals ever submitted. */
public interface Proposals extends JpaRepository<Proposal, Long> {

    /**
     * The proposal with its history, in one statement. Written as JPQL because Hibernate keeps the plan of a
     * query string, while it translates a derived query with an entity graph anew at every call.
     */
    @Query("select p from Proposal p left join fetch p.history where p.reference = ?1")
    Optional<Proposal> findByReference(String reference);

    List<Proposal> findByApplicantUserOrderBySubmittedAtDesc(String applicantUser);

    /** "My proposals", a page at a time (index proposal_applicant_idx). */
    Page<Proposal> findByApplicantUser(String applicantUser, Pageable pageable);

    /** Proposals per status, for the operators' metrics (index proposal_status_idx). */
    @Query("select p.status as status, count(p) as count from Proposal p group by p.status")
    List<StatusCount> countByStatus();

    interface StatusCount {
        ProposalStatus getStatus();

        long getCount();
    }
}
