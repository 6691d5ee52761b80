package org.pkcn.exchange.proposal;

import static org.pkcn.exchange.proposal.ProposalFields.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether input is a proposal. Every way in (Tasklist start form, revision,
 * REST API, portal) hands it the raw field values by {@link ProposalFields} name and gets either valid
 * {@link ProposalDetails} or an {@link InvalidProposalException} naming each bad field.
 *
 * <p>These are the rules of form, that no call could waive; whether a proposal suits the programme
 * (sector, duration and budget that make sense) is the eligibility decision table's business.
 */
@Component
public class ProposalValidator {

    static final int SHORT_TEXT = 200;
    static final int CITY_TEXT = 100;
    static final int LONG_TEXT = 4000;
    static final int EMAIL_TEXT = 254;
    static final int MIN_DURATION_MONTHS = 1;
    static final int MAX_DURATION_MONTHS = 120;
    static final BigDecimal MAX_BUDGET = new BigDecimal("1000000000000");
    static final int BUDGET_DECIMALS = 2;
    static final int MAX_YEARS_AHEAD = 5;

    // Deliberately plain: one @, a dot in the domain, no spaces. Mail servers judge the rest.
    // The Camunda Forms in forms/ use this very pattern (a test keeps them in step).
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Clock clock;

    public ProposalValidator(Clock clock) {
        this.clock = clock;
    }

    public ProposalDetails validate(Map<String, ?> input) {
        var check = new Check(input);
        String title = check.text(TITLE, SHORT_TEXT);
        String applicantName = check.text(APPLICANT_NAME, SHORT_TEXT);
        OrganisationKind applicantKind = check.choice(APPLICANT_KIND, OrganisationKind.class);
        Country applicantCountry = check.choice(APPLICANT_COUNTRY, Country.class);
        String applicantCity = check.text(APPLICANT_CITY, CITY_TEXT);
        String contactName = check.text(CONTACT_NAME, SHORT_TEXT);
        String contactEmail = check.email(CONTACT_EMAIL);
        Language contactLanguage = check.language(CONTACT_LANGUAGE);
        boolean docking = check.flag(DOCKING_REQUESTED);
        String counterpartName = null;
        OrganisationKind counterpartKind = null;
        String counterpartEmail = null;
        if (docking) {
            check.absentWhenDocking(COUNTERPART_NAME, COUNTERPART_KIND, COUNTERPART_EMAIL);
        } else {
            counterpartName = check.text(COUNTERPART_NAME, SHORT_TEXT);
            counterpartKind = check.choice(COUNTERPART_KIND, OrganisationKind.class);
            counterpartEmail = check.email(COUNTERPART_EMAIL);
        }
        Sector sector = check.choice(SECTOR, Sector.class);
        ExchangeKind exchangeKind = check.choice(EXCHANGE_KIND, ExchangeKind.class);
        String objectives = check.text(OBJECTIVES, LONG_TEXT);
        String expectedOutcomes = check.text(EXPECTED_OUTCOMES, LONG_TEXT);
        LocalDate startDate = check.startDate(START_DATE, LocalDate.now(clock));
        Integer durationMonths = check.months(DURATION_MONTHS);
        BigDecimal budgetAmount = check.amount(BUDGET_AMOUNT);
        Currency budgetCurrency = check.choice(BUDGET_CURRENCY, Currency.class);
        if (!check.errors.isEmpty()) {
            throw new InvalidProposalException(check.errors);
        }
        return new ProposalDetails(title, applicantName, applicantKind, applicantCountry, applicantCity,
                contactName, contactEmail, contactLanguage, docking, counterpartName, counterpartKind,
                counterpartEmail, sector, exchangeKind, objectives, expectedOutcomes, startDate, durationMonths,
                budgetAmount, budgetCurrency);
    }

    /** Collects the errors of one input, field by field. */
    private static final class Check {
        private final Map<String, ?> input;
        private final List<FieldError> errors = new ArrayList<>();

        Check(Map<String, ?> input) {
            this.input = input;
        }

        String text(String field, int maxLength) {
            Object value = input.get(field);
            if (isBlank(value)) {
                return missing(field);
            }
            if (!(value instanceof String text)) {
                return reject(field, "type", "must be text");
            }
            String trimmed = text.strip();
            if (trimmed.length() > maxLength) {
                return reject(field, "too-long", "must be at most " + maxLength + " characters (it has "
                        + trimmed.length() + ")");
            }
            return trimmed;
        }

        String email(String field) {
            String text = text(field, EMAIL_TEXT);
            if (text != null && !EMAIL.matcher(text).matches()) {
                return reject(field, "email", "must be an e-mail address such as name@example.org");
            }
            return text;
        }

        <E extends Enum<E>> E choice(String field, Class<E> type) {
            Object value = input.get(field);
            if (isBlank(value)) {
                return missing(field);
            }
            String name = value.toString().strip().toUpperCase();
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException unknown) {
                return reject(field, "unknown-choice", "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", ")) + " (not '" + value + "')");
            }
        }

        Language language(String field) {
            Object value = input.get(field);
            if (isBlank(value)) {
                return missing(field);
            }
            Language language = Language.ofCode(value.toString().strip());
            return language != null ? language : reject(field, "unknown-choice", "must be en or zh (not '" + value + "')");
        }

        boolean flag(String field) {
            Object value = input.get(field);
            if (value == null || value instanceof Boolean) {
                return Boolean.TRUE.equals(value);
            }
            if ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString())) {
                return Boolean.parseBoolean(value.toString());
            }
            reject(field, "type", "must be true or false");
            return false;
        }

        void absentWhenDocking(String... fields) {
            for (String field : fields) {
                if (!isBlank(input.get(field))) {
                    reject(field, "not-with-docking", "must be empty when " + DOCKING_REQUESTED
                            + " is true (the programme finds the counterpart)");
                }
            }
        }

        LocalDate startDate(String field, LocalDate today) {
            Object value = input.get(field);
            if (isBlank(value)) {
                return missing(field);
            }
            LocalDate date;
            if (value instanceof Date legacy) {
                date = legacy.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
            } else if (value instanceof LocalDate local) {
                date = local;
            } else {
                try {
                    date = LocalDate.parse(value.toString().strip());
                } catch (DateTimeParseException notADate) {
                    return reject(field, "date", "must be a date written yyyy-mm-dd (not '" + value + "')");
                }
            }
            if (date.isBefore(today)) {
                return reject(field, "date-past", "must be today or later (" + today + "), not " + date);
            }
            if (date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
                return reject(field, "date-far", "must be within " + MAX_YEARS_AHEAD + " years from today");
            }
            return date;
        }

        Integer months(String field) {
            BigDecimal number = number(field);
            if (number == null) {
                return null;
            }
            if (number.stripTrailingZeros().scale() > 0
                    || number.compareTo(BigDecimal.valueOf(MIN_DURATION_MONTHS)) < 0
                    || number.compareTo(BigDecimal.valueOf(MAX_DURATION_MONTHS)) > 0) {
                return reject(field, "range", "must be a whole number of months from " + MIN_DURATION_MONTHS + " to "
                        + MAX_DURATION_MONTHS);
            }
            return number.intValueExact();
        }

        BigDecimal amount(String field) {
            BigDecimal number = number(field);
            if (number == null) {
                return null;
            }
            if (number.signum() <= 0 || number.compareTo(MAX_BUDGET) > 0) {
                return reject(field, "range", "must be more than 0 and at most " + MAX_BUDGET.toPlainString());
            }
            if (number.stripTrailingZeros().scale() > BUDGET_DECIMALS) {
                return reject(field, "decimals", "must have at most " + BUDGET_DECIMALS + " decimals");
            }
            return number.setScale(BUDGET_DECIMALS, java.math.RoundingMode.UNNECESSARY);
        }

        private BigDecimal number(String field) {
            Object value = input.get(field);
            if (isBlank(value)) {
                return missing(field);
            }
            if (value instanceof Boolean) {
                return reject(field, "type", "must be a number");
            }
            try {
                BigDecimal number = new BigDecimal(value.toString().strip());
                return number;
            } catch (NumberFormatException notANumber) {
                return reject(field, "type", "must be a number (not '" + value + "')");
            }
        }

        private <T> T missing(String field) {
            return reject(field, "required", "is required");
        }

        private <T> T reject(String field, String code, String message) {
            errors.add(new FieldError(field, code, message));
            return null;
        }

        private static boolean isBlank(Object value) {
            return value == null || (value instanceof String text && text.isBlank());
        }
    }
}
