package org.pkcn.exchange.notification;

import java.util.List;

/** Who belongs to a group of reviewers or supervisors; the accounts live with the identity module. */
public interface GroupDirectory {

    /** The members of the group that have an e-mail address. */
    List<Recipient> membersOf(String groupId);
}
