package org.pkcn.exchange.deployment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration an administrator started: which versions, who, when, and for each running instance whether it was
 * handed to the engine's batch or stayed, and why. The engine's batch does the moving and forgets it afterwards.
 */
@Entity
@Table(name = "model_migration")
class MigrationRecord {

    /** A running instance considered for the migration. */
    @Embeddable
    record Candidate(String processInstanceId, String businessKey, boolean planned, String reason) {
    }

    @Id
    private String batchId;
    private String sourceDefinitionId;
    private String targetDefinitionId;
    private String requestedBy;
    private Instant requestedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "model_migration_instance", joinColumns = @JoinColumn(name = "batch_id"))
    private List<Candidate> candidates = new ArrayList<>();

    protected MigrationRecord() {
    }

    MigrationRecord(String batchId, String sourceDefinitionId, String targetDefinitionId, String requestedBy,
            Instant requestedAt, List<Candidate> candidates) {
        this.batchId = batchId;
        this.sourceDefinitionId = sourceDefinitionId;
        this.targetDefinitionId = targetDefinitionId;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.candidates = new ArrayList<>(candidates);
    }

    String batchId() {
        return batchId;
    }

    String sourceDefinitionId() {
        return sourceDefinitionId;
    }

    String targetDefinitionId() {
        return targetDefinitionId;
    }

    String requestedBy() {
        return requestedBy;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    List<Candidate> candidates() {
        return candidates;
    }
}
