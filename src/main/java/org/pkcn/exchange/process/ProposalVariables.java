package org.pkcn.exchange.process;

import static org.pkcn.exchange.proposal.ProposalFields.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.pkcn.exchange.proposal.ProposalDetails;
import org.pkcn.exchange.proposal.ProposalFields;

/**
 * A proposal's fields as process variables. The forms show and edit these variables; the registry keeps
 * the authoritative copy. Values are plain strings, numbers and booleans (never serialized Java objects),
 * so the Tasklist's forms and the REST API can read and write them.
 */
public final class ProposalVariables {

    private ProposalVariables() {
    }

    /** The raw field values as the form or the API left them, for the validator to judge. */
    public static Map<String, Object> readFrom(VariableScope scope) {
        Map<String, Object> input = new HashMap<>();
        for (String field : ProposalFields.ALL) {
            input.put(field, scope.getVariable(field));
        }
        return input;
    }

    /**
     * A revision's raw field values. The revision form hides the counterpart fields once docking is requested,
     * and a hidden field sends nothing: the counterpart values still in the process from before the revision are
     * then not part of it, and are left out rather than refused as "must be empty when dockingRequested is true".
     */
    public static Map<String, Object> readRevisionFrom(VariableScope scope) {
        Map<String, Object> input = readFrom(scope);
        Object docking = input.get(DOCKING_REQUESTED);
        if (Boolean.TRUE.equals(docking) || (docking instanceof String text && "true".equalsIgnoreCase(text.strip()))) {
            input.put(COUNTERPART_NAME, null);
            input.put(COUNTERPART_KIND, null);
            input.put(COUNTERPART_EMAIL, null);
        }
        return input;
    }

    /**
     * Leaves the validated values in the scope, setting only those that differ from what is there: the API
     * already starts with them, and each value set again costs a variable update and, on history level full,
     * a history detail row (20 of them per submission).
     */
    public static void writeTo(VariableScope scope, ProposalDetails details) {
        of(details).forEach((name, value) -> {
            if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
                scope.setVariable(name, value);
            }
        });
    }

    /** The validated values, normalised (trimmed, upper-case codes), every field present. */
    public static Map<String, Object> of(ProposalDetails details) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TITLE, details.title());
        variables.put(APPLICANT_NAME, details.applicantName());
        variables.put(APPLICANT_KIND, details.applicantKind().name());
        variables.put(APPLICANT_COUNTRY, details.applicantCountry().name());
        variables.put(APPLICANT_CITY, details.applicantCity());
        variables.put(CONTACT_NAME, details.contactName());
        variables.put(CONTACT_EMAIL, details.contactEmail());
        variables.put(CONTACT_LANGUAGE, details.contactLanguage().code());
        variables.put(DOCKING_REQUESTED, details.dockingRequested());
        variables.put(COUNTERPART_NAME, details.counterpartName());
        variables.put(COUNTERPART_KIND, details.counterpartKind() == null ? null : details.counterpartKind().name());
        variables.put(COUNTERPART_EMAIL, details.counterpartEmail());
        variables.put(SECTOR, details.sector().name());
        variables.put(EXCHANGE_KIND, details.exchangeKind().name());
        variables.put(OBJECTIVES, details.objectives());
        variables.put(EXPECTED_OUTCOMES, details.expectedOutcomes());
        variables.put(START_DATE, details.startDate().toString());
        variables.put(DURATION_MONTHS, (long) details.durationMonths());
        variables.put(BUDGET_AMOUNT, details.budgetAmount().doubleValue());
        variables.put(BUDGET_CURRENCY, details.budgetCurrency().name());
        return variables;
    }
}
