package org.pkcn.exchange.deployment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row locked while a set is compared with the newest version and deployed: two nodes starting at once,
 * or two administrators deploying at once, make one version of the same files, not two.
 */
@Entity
@Table(name = "model_set_lock")
class ModelSetLock {

    @Id
    private Integer id;

    protected ModelSetLock() {
    }
}
