package org.pkcn.exchange.notification;

/** Each event that the programme announces by mail; each has one template per language. */
public enum NotificationEvent {
    ACKNOWLEDGED, SCREENED_OUT, CHANGES_REQUESTED, REJECTED, APPROVED, REMINDER, ESCALATION, WITHDRAWN, LAPSED
}
