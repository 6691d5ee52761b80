package org.pkcn.exchange.notification;

/**
 * One mail to one recipient. {@code key} identifies it across retries: a mail whose key the ledger
 * holds was accepted by the SMTP server already and is not sent again.
 */
record Mail(String key, String reference, NotificationEvent event, Recipient to, String subject, String text,
        String html) {
}
