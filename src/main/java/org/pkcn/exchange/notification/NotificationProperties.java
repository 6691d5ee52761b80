package org.pkcn.exchange.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from the sender address of every notification
 * @param portalUrl where applicants and reviewers follow a proposal; mails link to it
 */
@ConfigurationProperties("exchange.notification")
public record NotificationProperties(String from, String portalUrl) {

    public NotificationProperties {
        from = from == null ? "no-reply@exchange.example.org" : from;
        portalUrl = portalUrl == null ? "http://localhost:8080" : portalUrl;
    }
}
