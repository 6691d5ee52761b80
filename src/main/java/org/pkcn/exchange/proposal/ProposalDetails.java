package org.pkcn.exchange.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;

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
}
