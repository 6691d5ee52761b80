package org.pkcn.exchange.portal;

import static org.pkcn.exchange.proposal.ProposalFields.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pkcn.exchange.proposal.Country;
import org.pkcn.exchange.proposal.Currency;
import org.pkcn.exchange.proposal.ExchangeKind;
import org.pkcn.exchange.proposal.Language;
import org.pkcn.exchange.proposal.OrganisationKind;
import org.pkcn.exchange.proposal.ProposalDetails;
import org.pkcn.exchange.proposal.Sector;

/**
 * The proposal page's fields, in sections, named as {@code ProposalFields} names them everywhere. The page
 * is drawn from this list, so a field is never forgotten; the values travel as the user typed them, and
 * the domain's validator judges them exactly as it judges the API's.
 */
final class ProposalForm {

    enum Kind { TEXT, LONG_TEXT, EMAIL, CHOICE, CHECKBOX, DATE, WHOLE_NUMBER, AMOUNT }

    /** One field: its name, how it is entered, its choices (for CHOICE), its length limit. */
    record Field(String name, Kind kind, String choices, List<String> options, int maxLength) {
    }

    record Section(String name, List<Field> fields) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("exchange", List.of(
                    text(TITLE, 200),
                    choice(SECTOR, Sector.class),
                    choice(EXCHANGE_KIND, ExchangeKind.class),
                    new Field(OBJECTIVES, Kind.LONG_TEXT, null, List.of(), 4000),
                    new Field(EXPECTED_OUTCOMES, Kind.LONG_TEXT, null, List.of(), 4000))),
            new Section("applicant", List.of(
                    text(APPLICANT_NAME, 200),
                    choice(APPLICANT_KIND, OrganisationKind.class),
                    choice(APPLICANT_COUNTRY, Country.class),
                    text(APPLICANT_CITY, 100))),
            new Section("contact", List.of(
                    text(CONTACT_NAME, 200),
                    new Field(CONTACT_EMAIL, Kind.EMAIL, null, List.of(), 254),
                    new Field(CONTACT_LANGUAGE, Kind.CHOICE, "Language", List.of("en", "zh"), 0))),
            new Section("counterpart", List.of(
                    new Field(DOCKING_REQUESTED, Kind.CHECKBOX, null, List.of(), 0),
                    text(COUNTERPART_NAME, 200),
                    choice(COUNTERPART_KIND, OrganisationKind.class),
                    new Field(COUNTERPART_EMAIL, Kind.EMAIL, null, List.of(), 254))),
            new Section("timing", List.of(
                    new Field(START_DATE, Kind.DATE, null, List.of(), 0),
                    new Field(DURATION_MONTHS, Kind.WHOLE_NUMBER, null, List.of(), 0),
                    new Field(BUDGET_AMOUNT, Kind.AMOUNT, null, List.of(), 0),
                    choice(BUDGET_CURRENCY, Currency.class))));

    private ProposalForm() {
    }

    private static Field text(String name, int maxLength) {
        return new Field(name, Kind.TEXT, null, List.of(), maxLength);
    }

    private static Field choice(String name, Class<? extends Enum<?>> type) {
        return new Field(name, Kind.CHOICE, type.getSimpleName(),
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), 0);
    }

    /** The domain's input from the posted form: every field, as typed; an unticked box is "false". */
    static Map<String, Object> input(Map<String, String> posted) {
        Map<String, Object> input = new HashMap<>();
        for (String field : ALL) {
            input.put(field, posted.get(field));
        }
        input.put(DOCKING_REQUESTED, "true".equals(posted.get(DOCKING_REQUESTED)) ? "true" : "false");
        return input;
    }

    /** What the page shows again: the posted values of the proposal's fields only. */
    static Map<String, String> values(Map<String, String> posted) {
        Map<String, String> values = new HashMap<>();
        for (String field : ALL) {
            if (posted.get(field) != null) {
                values.put(field, posted.get(field));
            }
        }
        return values;
    }

    /** A stored proposal's fields, as the page shows them for a revision. */
    static Map<String, String> values(ProposalDetails d) {
        Map<String, String> values = new HashMap<>();
        values.put(TITLE, d.title());
        values.put(APPLICANT_NAME, d.applicantName());
        values.put(APPLICANT_KIND, d.applicantKind().name());
        values.put(APPLICANT_COUNTRY, d.applicantCountry().name());
        values.put(APPLICANT_CITY, d.applicantCity());
        values.put(CONTACT_NAME, d.contactName());
        values.put(CONTACT_EMAIL, d.contactEmail());
        values.put(CONTACT_LANGUAGE, d.contactLanguage().code());
        values.put(DOCKING_REQUESTED, String.valueOf(d.dockingRequested()));
        if (d.hasCounterpart()) {
            values.put(COUNTERPART_NAME, d.counterpartName());
            values.put(COUNTERPART_KIND, d.counterpartKind().name());
            values.put(COUNTERPART_EMAIL, d.counterpartEmail());
        }
        values.put(SECTOR, d.sector().name());
        values.put(EXCHANGE_KIND, d.exchangeKind().name());
        values.put(OBJECTIVES, d.objectives());
        values.put(EXPECTED_OUTCOMES, d.expectedOutcomes());
        values.put(START_DATE, d.startDate().toString());
        values.put(DURATION_MONTHS, String.valueOf(d.durationMonths()));
        values.put(BUDGET_AMOUNT, d.budgetAmount().toPlainString());
        values.put(BUDGET_CURRENCY, d.budgetCurrency().name());
        return values;
    }

    /** A new proposal starts with the applicant's own name and language as its contact. */
    static Map<String, String> startingValues(String contactName, Language language) {
        Map<String, String> values = new HashMap<>();
        values.put(CONTACT_NAME, contactName);
        values.put(CONTACT_LANGUAGE, language.code());
        return values;
    }
}
