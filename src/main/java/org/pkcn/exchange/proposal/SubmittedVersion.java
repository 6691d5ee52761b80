package org.pkcn.exchange.proposal;

import java.time.Instant;
import java.util.List;

/**
 * One version of a proposal as the applicant submitted it: who, when, until when it stood (null for the
 * current one), its fields, and which fields differ from the version before: all of them for the first, null
 * when the version before is not on record.
 */
public record SubmittedVersion(int number, String submittedBy, Instant submittedAt, Instant replacedAt,
        ProposalDetails details, List<String> changedFields) {

    static SubmittedVersion of(int number, String submittedBy, Instant submittedAt, Instant replacedAt,
            ProposalDetails details, SubmittedVersion before) {
        List<String> changed;
        if (before != null && before.number() == number - 1) {
            changed = details.fieldsChangedSince(before.details());
        } else {
            changed = number == 1 ? ProposalFields.ALL : null;
        }
        return new SubmittedVersion(number, submittedBy, submittedAt, replacedAt, details, changed);
    }

    public boolean current() {
        return replacedAt == null;
    }
}
