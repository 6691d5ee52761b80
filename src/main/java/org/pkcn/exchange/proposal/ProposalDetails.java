package org.pkcn.exchange.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an applicant proposes: who, with whom, in which sector, what kind of exchange, to achieve what,
 * when, for how long and at what cost. Only {@link ProposalValidator} makes one from outside input, so a
 * stored proposal is always a valid one. The counterpart sits in the other country; when
 * {@code dockingRequested} the programme finds one and the counterpart fields are empty.
 */
@Embeddable
public record ProposalDetails(
        String title,
        String applicantName,
        @Enumerated(EnumType.STRING) OrganisationKind applicantKind,
        @Enumerated(EnumType.STRING) Country applicantCountry,
        String applicantCity,
        String contactName,
        String contactEmail,
        @Enumerated(EnumType.STRING) Language contactLanguage,
        boolean dockingRequested,
        String counterpartName,
        @Enumerated(EnumType.STRING) OrganisationKind counterpartKind,
        String counterpartEmail,
        @Enumerated(EnumType.STRING) Sector sector,
        @Enumerated(EnumType.STRING) ExchangeKind exchangeKind,
        @Column(length = 4000) String objectives,
        @Column(length = 4000) String expectedOutcomes,
        LocalDate startDate,
        int durationMonths,
        @Column(precision = 15, scale = 2) BigDecimal budgetAmount,
        @Enumerated(EnumType.STRING) Currency budgetCurrency) {

    public Country counterpartCountry() {
        return applicantCountry.other();
    }

    public boolean hasCounterpart() {
        return !dockingRequested;
    }

    /**
     * The names of the fields that differ from an earlier version, in the form's order. The record's
     * components carry the names of {@link ProposalFields}, so every way in and out speaks of the same field.
     */
    public List<String> fieldsChangedSince(ProposalDetails earlier) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent field : ProposalDetails.class.getRecordComponents()) {
            if (!sameValue(valueOf(field, this), valueOf(field, earlier))) {
                changed.add(field.getName());
            }
        }
        return changed;
    }

    /** 5000 and 5000.00 are the same budget. */
    private static boolean sameValue(Object now, Object before) {
        if (now instanceof BigDecimal amount && before instanceof BigDecimal earlierAmount) {
            return amount.compareTo(earlierAmount) == 0;
        }
        return Objects.equals(now, before);
    }

    private static Object valueOf(RecordComponent field, ProposalDetails details) {
        try {
            return field.getAccessor().invoke(details);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + field.getName() + " of a proposal", e);
        }
    }
}
