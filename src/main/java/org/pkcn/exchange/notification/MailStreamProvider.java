package org.pkcn.exchange.notification;

import org.springframework.stereotype.Component;

/**
 * Names Jakarta Mail's stream provider once, at start-up. Unnamed, Jakarta Mail looks it up with a ServiceLoader
 * for every part of every message it builds or writes, which in the packaged jar means scanning the nested jars:
 * 11 % of a mail step's time in the deadline-rush benchmark (README, "Performance"). The property is the lookup's
 * documented first source; a value set on the command line is left alone.
 */
@Component
class MailStreamProvider {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    MailStreamProvider() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
