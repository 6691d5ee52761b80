package org.pkcn.exchange.proposal;

import java.util.List;

/**
 * The names of a proposal's fields, shared by every way in: process variables, Camunda Forms field keys,
 * JSON properties and portal form fields. Renaming one here is the only way to rename it everywhere.
 */
public final class ProposalFields {

    public static final String TITLE = "title";
    public static final String APPLICANT_NAME = "applicantName";
    public static final String APPLICANT_KIND = "applicantKind";
    public static final String APPLICANT_COUNTRY = "applicantCountry";
    public static final String APPLICANT_CITY = "applicantCity";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String CONTACT_LANGUAGE = "contactLanguage";
    public static final String DOCKING_REQUESTED = "dockingRequested";
    public static final String COUNTERPART_NAME = "counterpartName";
    public static final String COUNTERPART_KIND = "counterpartKind";
    public static final String COUNTERPART_EMAIL = "counterpartEmail";
    public static final String SECTOR = "sector";
    public static final String EXCHANGE_KIND = "exchangeKind";
    public static final String OBJECTIVES = "objectives";
    public static final String EXPECTED_OUTCOMES = "expectedOutcomes";
    public static final String START_DATE = "startDate";
    public static final String DURATION_MONTHS = "durationMonths";
    public static final String BUDGET_AMOUNT = "budgetAmount";
    public static final String BUDGET_CURRENCY = "budgetCurrency";

    public static final List<String> ALL = List.of(TITLE, APPLICANT_NAME, APPLICANT_KIND, APPLICANT_COUNTRY,
            APPLICANT_CITY, CONTACT_NAME, CONTACT_EMAIL, CONTACT_LANGUAGE, DOCKING_REQUESTED, COUNTERPART_NAME,
            COUNTERPART_KIND, COUNTERPART_EMAIL, SECTOR, EXCHANGE_KIND, OBJECTIVES, EXPECTED_OUTCOMES, START_DATE,
            DURATION_MONTHS, BUDGET_AMOUNT, BUDGET_CURRENCY);

    private ProposalFields() {
    }
}
