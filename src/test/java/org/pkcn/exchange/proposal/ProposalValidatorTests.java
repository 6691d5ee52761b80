package org.pkcn.exchange.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pkcn.exchange.proposal.ProposalFields.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkcn.exchange.process.SampleProposals;

/** The domain's rules of form, shared by every way a proposal comes in. */
class ProposalValidatorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private final ProposalValidator validator = new ProposalValidator(
            Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));

    private Map<String, Object> valid() {
        Map<String, Object> fields = SampleProposals.jointAiResearch();
        fields.put(START_DATE, "2027-01-15");
        return fields;
    }

    @Test
    void validInput_becomesNormalisedDetails() {
        Map<String, Object> fields = valid();
        fields.put(TITLE, "  AI for textile quality control  ");
        fields.put(SECTOR, "artificial_intelligence");
        fields.put(BUDGET_AMOUNT, "250000.5");

        ProposalDetails details = validator.validate(fields);

        assertThat(details.title()).isEqualTo("AI for textile quality control");
        assertThat(details.sector()).isEqualTo(Sector.ARTIFICIAL_INTELLIGENCE);
        assertThat(details.budgetAmount()).isEqualByComparingTo(new BigDecimal("250000.50"));
        assertThat(details.counterpartCountry()).isEqualTo(Country.CN);
        assertThat(details.startDate()).isEqualTo(LocalDate.of(2027, 1, 15));
    }

    @Test
    void dockingRequest_needsNoCounterpart() {
        ProposalDetails details = validator.validate(SampleProposals.dockingRequestInChinese());
        assertThat(details.hasCounterpart()).isFalse();
        assertThat(details.contactLanguage()).isEqualTo(Language.ZH);
    }

    @ParameterizedTest
    @ValueSource(strings = {TITLE, APPLICANT_NAME, APPLICANT_KIND, APPLICANT_COUNTRY, APPLICANT_CITY, CONTACT_NAME,
            CONTACT_EMAIL, CONTACT_LANGUAGE, COUNTERPART_NAME, COUNTERPART_KIND, COUNTERPART_EMAIL, SECTOR,
            EXCHANGE_KIND, OBJECTIVES, EXPECTED_OUTCOMES, START_DATE, DURATION_MONTHS, BUDGET_AMOUNT, BUDGET_CURRENCY})
    void eachRequiredField_missing_isNamed(String field) {
        Map<String, Object> fields = valid();
        fields.put(field, field.equals(DURATION_MONTHS) ? null : " ");

        assertThatThrownBy(() -> validator.validate(fields))
                .isInstanceOfSatisfying(InvalidProposalException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError(field, "required", "is required")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            contactEmail     | sara.ahmed-at-lta      | email
            counterpartEmail | partner@               | email
            sector           | TEXTILES               | unknown-choice
            exchangeKind     | TOURISM                | unknown-choice
            applicantKind    | GOVERNMENT             | unknown-choice
            applicantCountry | IN                     | unknown-choice
            contactLanguage  | ur                     | unknown-choice
            budgetCurrency   | EUR                    | unknown-choice
            startDate        | 2026-11-27             | date-past
            startDate        | 28/11/2026             | date
            startDate        | 2032-01-01             | date-far
            durationMonths   | 0                      | range
            durationMonths   | 121                    | range
            durationMonths   | 6.5                    | range
            durationMonths   | twelve                 | type
            budgetAmount     | -5                     | range
            budgetAmount     | 0                      | range
            budgetAmount     | 1000000000000.01       | range
            budgetAmount     | 100.123                | decimals
            dockingRequested | perhaps                | type
            """)
    void badValue_isNamedWithItsReason(String field, String value, String code) {
        Map<String, Object> fields = valid();
        fields.put(field, value);

        assertThatThrownBy(() -> validator.validate(fields))
                .isInstanceOfSatisfying(InvalidProposalException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code).containsExactly(
                                org.assertj.core.groups.Tuple.tuple(field, code)));
    }

    @Test
    void overLongText_saysHowLong() {
        Map<String, Object> fields = valid();
        fields.put(TITLE, "x".repeat(201));
        assertThatThrownBy(() -> validator.validate(fields))
                .hasMessageContaining("title must be at most 200 characters (it has 201)");
    }

    @Test
    void counterpartGivenWithDocking_isContradictory() {
        Map<String, Object> fields = valid();
        fields.put(DOCKING_REQUESTED, true);
        assertThatThrownBy(() -> validator.validate(fields))
                .hasMessageContaining("counterpartName must be empty when dockingRequested is true");
    }

    @Test
    void severalMistakes_areAllReportedAtOnce() {
        Map<String, Object> fields = new HashMap<>(valid());
        fields.put(TITLE, null);
        fields.put(CONTACT_EMAIL, "nope");
        fields.put(DURATION_MONTHS, 500);
        assertThatThrownBy(() -> validator.validate(fields))
                .isInstanceOfSatisfying(InvalidProposalException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly(TITLE, CONTACT_EMAIL, DURATION_MONTHS));
    }

    @Test
    void startingToday_isAllowed() {
        Map<String, Object> fields = valid();
        fields.put(START_DATE, TODAY.toString());
        assertThat(validator.validate(fields).startDate()).isEqualTo(TODAY);
    }
}
