package org.pkcn.exchange.notification;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which mails the SMTP server accepted. The line is committed on its own, right after the
 * server said yes, so that a step retried later (its own transaction rolled back) does not send it twice.
 */
@Component
class MailLedger {

    private final SentMails sentMails;
    private final Clock clock;

    MailLedger(SentMails sentMails, Clock clock) {
        this.sentMails = sentMails;
        this.clock = clock;
    }

    public boolean wasSent(Mail mail) {
        return sentMails.existsByMailKey(mail.key());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSent(Mail mail) {
        sentMails.save(new SentMail(mail, clock.instant()));
    }
}
