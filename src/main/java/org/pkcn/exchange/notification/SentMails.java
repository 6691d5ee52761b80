package org.pkcn.exchange.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every mail the SMTP server accepted, by key. */
interface SentMails extends JpaRepository<SentMail, Long> {

    boolean existsByMailKey(String mailKey);

    List<SentMail> findByReference(String reference);
}
