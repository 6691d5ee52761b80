package org.pkcn.exchange.proposal;

/**
 * One thing wrong with one field of a proposal. {@code field} is the name every entry point uses (form
 * field key, process variable, JSON property); {@code code} lets a page show the message in its own language.
 */
public record FieldError(String field, String code, String message) {

    @Override
    public String toString() {
        return field + " " + message;
    }
}
