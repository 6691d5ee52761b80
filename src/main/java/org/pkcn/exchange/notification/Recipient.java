package org.pkcn.exchange.notification;

import org.pkcn.exchange.proposal.Language;

/** Someone a mail goes to, in the language they read best. */
public record Recipient(String email, Language language) {
}
