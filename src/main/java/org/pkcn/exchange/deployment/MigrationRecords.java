package org.pkcn.exchange.deployment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The migrations administrators started. */
interface MigrationRecords extends JpaRepository<MigrationRecord, String> {

    List<MigrationRecord> findTop20ByOrderByRequestedAtDesc();
}
