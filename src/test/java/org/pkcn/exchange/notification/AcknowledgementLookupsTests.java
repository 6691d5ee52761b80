package org.pkcn.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mail ledger's question every acknowledgement step asks (did this mail go out already?) keeps its query
 * plan in Hibernate: translated once, then reused. Hibernate 6.6 translates a derived query's criteria (and any
 * query with an entity graph) anew at every call: with the proposal's lookup, a sixth of the step's CPU in a
 * profile. The proposal's lookup no longer runs a query when the step holds the proposal already
 * ({@code proposal/ProposalLookupTests}).
 */
@ExchangeTest
class AcknowledgementLookupsTests {

    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired SentMails sentMails;

    private Statistics statistics;

    @BeforeEach
    void countQueryPlans() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        // Once, so that the plan exists whichever test ran first.
        sentMails.existsByMailKey("warm-up");
        statistics.clear();
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
    }

    @Test
    void theLedgersQuestion_wasThisMailSent_reusesItsPlan() {
        for (int i = 0; i < 3; i++) {
            assertThat(sentMails.existsByMailKey("never-sent-" + i)).isFalse();
        }

        assertThat(statistics.getQueryPlanCacheMissCount()).as("plans translated").isZero();
        assertThat(statistics.getQueryPlanCacheHitCount()).as("plans reused").isGreaterThanOrEqualTo(3);
    }
}
