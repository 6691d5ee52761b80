package org.pkcn.exchange.system;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Housekeeping that several nodes on one database must not do at the same moment ("is there an account
 * admin? no: create it" run twice at once creates it twice, or fails one node's start). The work runs in
 * one transaction that first locks a row of {@code cluster_lock}: another node waits, then sees what the
 * first one did. Works on H2 and PostgreSQL alike; the engine's calls join the transaction.
 */
@Component
public class ClusterLock {

    static final String HOUSEKEEPING = "housekeeping";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ClusterLock(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Runs the work while this node alone holds the housekeeping lock. */
    public void exclusively(Runnable work) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select name from cluster_lock where name = ? for update", String.class, HOUSEKEEPING);
            work.run();
        });
    }
}
