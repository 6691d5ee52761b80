package org.pkcn.exchange.proposal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** All proposals ever submitted. */
public interface Proposals extends JpaRepository<Proposal, Long> {

    @EntityGraph(attributePaths = "history")
    Optional<Proposal> findByReference(String reference);

    List<Proposal> findByApplicantUserOrderBySubmittedAtDesc(String applicantUser);

    /** "My proposals", a page at a time (index proposal_applicant_idx). */
    Page<Proposal> findByApplicantUser(String applicantUser, Pageable pageable);
}
