package org.pkcn.exchange.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Every mail the SMTP server accepted, by key. */
interface SentMails extends JpaRepository<SentMail, Long> {

    /**
     * Asked before every mail. JPQL, as Hibernate keeps the plan of a query string, but translates a derived
     * query's criteria anew at every call (mail_key is unique: at most one row to count).
     */
    @Query("select case when count(m) > 0 then true else false end from SentMail m where m.mailKey = ?1")
    boolean existsByMailKey(String mailKey);

    List<SentMail> findByReference(String reference);
}
