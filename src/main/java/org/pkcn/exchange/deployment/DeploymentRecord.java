package org.pkcn.exchange.deployment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who deployed a version of the models, from where, and a checksum of its files. */
@Entity
@Table(name = "model_deployment")
class DeploymentRecord {

    @Id
    private String deploymentId;
    private String deploymentName;
    @Enumerated(EnumType.STRING)
    private DeploymentSource source;
    private String origin;
    private String deployedBy;
    private Instant deployedAt;
    private String checksum;

    protected DeploymentRecord() {
    }

    DeploymentRecord(String deploymentId, String deploymentName, DeploymentSource source, String origin,
            String deployedBy, Instant deployedAt, String checksum) {
        this.deploymentId = deploymentId;
        this.deploymentName = deploymentName;
        this.source = source;
        this.origin = origin.length() > 1000 ? origin.substring(0, 997) + "..." : origin;
        this.deployedBy = deployedBy;
        this.deployedAt = deployedAt;
        this.checksum = checksum;
    }

    String deploymentId() {
        return deploymentId;
    }

    DeploymentSource source() {
        return source;
    }

    String origin() {
        return origin;
    }

    String deployedBy() {
        return deployedBy;
    }

    String checksum() {
        return checksum;
    }
}
