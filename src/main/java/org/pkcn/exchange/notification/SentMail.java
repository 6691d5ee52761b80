package org.pkcn.exchange.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The ledger's line for a mail the SMTP server accepted. */
@Entity
@Table(name = "sent_mail")
class SentMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String mailKey;
    private String reference;
    @Enumerated(EnumType.STRING)
    private NotificationEvent event;
    private String recipient;
    private String subject;
    private Instant sentAt;

    protected SentMail() {
    }

    SentMail(Mail mail, Instant sentAt) {
        this.mailKey = mail.key();
        this.reference = mail.reference();
        this.event = mail.event();
        this.recipient = mail.to().email();
        this.subject = mail.subject();
        this.sentAt = sentAt;
    }

    String recipient() {
        return recipient;
    }

    NotificationEvent event() {
        return event;
    }
}
