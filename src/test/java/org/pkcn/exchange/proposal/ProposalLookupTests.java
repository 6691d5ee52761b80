package org.pkcn.exchange.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.process.SampleProposals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry finds a proposal by the id its reference was made from: a transaction that already holds the
 * proposal (a submission reading back what it registered, an acknowledgement step's second look) runs no
 * statement for it, and one that does not reads the proposal and its history in two. The history comes along
 * either way: callers read it after the registry's transaction has ended.
 */
@ExchangeTest
class ProposalLookupTests {

    @Autowired ProposalRegistry registry;
    @Autowired TransactionTemplate transaction;
    @Autowired EntityManagerFactory entityManagerFactory;

    private Statistics statistics;

    @BeforeEach
    void countStatements() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
    }

    @Test
    void aProposalRegisteredInThisTransaction_isFoundWithoutAStatement() {
        transaction.executeWithoutResult(status -> {
            Proposal registered = registry.register(SampleProposals.jointAiResearch(), "lookup-applicant");
            statistics.clear();

            Proposal found = registry.get(registered.reference());

            assertThat(found).isSameAs(registered);
            assertThat(statistics.getPrepareStatementCount()).as("statements").isZero();
        });
    }

    @Test
    void aProposalNotYetRead_isReadWithItsHistoryInTwoStatements_readableAfterTheTransaction() {
        String reference = transaction.execute(status -> {
            Proposal registered = registry.register(SampleProposals.jointAiResearch(), "lookup-applicant");
            registry.screenOut(registered.reference(), "outside the programme's sectors");
            return registered.reference();
        });
        statistics.clear();

        Proposal found = registry.get(reference); // its own transaction, ended on return

        assertThat(statistics.getPrepareStatementCount()).as("statements").isEqualTo(2);
        assertThat(found.history()).extracting(StatusChange::status)
                .containsExactly(ProposalStatus.SUBMITTED, ProposalStatus.SCREENED_OUT);
    }

    @Test
    void aReferenceWithAnotherYear_orNotOfOurShape_isNotFound() {
        String reference = transaction.execute(
                status -> registry.register(SampleProposals.jointAiResearch(), "lookup-applicant").reference());
        String sameNumberOtherYear = reference.replaceFirst("PKCN-\\d{4}-", "PKCN-1999-");

        for (String unknown : new String[] {sameNumberOtherYear, "PKCN-2026-99999999", "PKCN-2026-12", "42", ""}) {
            assertThatThrownBy(() -> registry.get(unknown)).as(unknown)
                    .isInstanceOf(ProposalNotFoundException.class).hasMessageContaining(unknown);
        }
    }
}
