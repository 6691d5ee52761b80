package org.pkcn.exchange.deployment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** {@link ModelSetLock}, to be taken inside the transaction that deploys. */
interface ModelSetLocks extends Repository<ModelSetLock, Integer> {

    /** Waits until no other transaction holds the lock; it is held until this transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from ModelSetLock l where l.id = 1")
    ModelSetLock acquire();
}
