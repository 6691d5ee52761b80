package org.pkcn.exchange.deployment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every deployment of the model set made by this application. */
interface DeploymentRecords extends JpaRepository<DeploymentRecord, String> {

    Optional<DeploymentRecord> findFirstByDeploymentNameAndSourceOrderByDeployedAtDesc(String deploymentName,
            DeploymentSource source);
}
