package org.pkcn.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.proposal.ProposalNotFoundException;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lookups every acknowledgement step runs (the proposal, twice; whether a mail went out already) keep their
 * query plans in Hibernate: translated once, then reused. Hibernate 6.6 translates a derived query's criteria
 * (and any query with an entity graph) anew at every call: a sixth of the step's CPU in a profile.
 */
@ExchangeTest
class AcknowledgementLookupsTests {

    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired ProposalRegistry registry;
    @Autowired SentMails sentMails;

    private Statistics statistics;

    @BeforeEach
    void countQueryPlans() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        // Once, so that the plans exist whichever test ran first.
        lookUpTheProposal();
        sentMails.existsByMailKey("warm-up");
        statistics.clear();
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
    }

    @Test
    void theProposalsLookupByReference_reusesItsPlan() {
        for (int i = 0; i < 3; i++) {
            lookUpTheProposal();
        }

        assertThat(statistics.getQueryPlanCacheMissCount()).as("plans translated").isZero();
        assertThat(statistics.getQueryPlanCacheHitCount()).as("plans reused").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theLedgersQuestion_wasThisMailSent_reusesItsPlan() {
        for (int i = 0; i < 3; i++) {
            assertThat(sentMails.existsByMailKey("never-sent-" + i)).isFalse();
        }

        assertThat(statistics.getQueryPlanCacheMissCount()).as("plans translated").isZero();
        assertThat(statistics.getQueryPlanCacheHitCount()).as("plans reused").isGreaterThanOrEqualTo(3);
    }

    private void lookUpTheProposal() {
        assertThatThrownBy(() -> registry.get("PKCN-1999-00000")).isInstanceOf(ProposalNotFoundException.class);
    }
}
