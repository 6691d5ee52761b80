package org.pkcn.exchange.review;

/** A decision that cannot be recorded as given, such as a rejection without a reason. */
public class InvalidDecisionException extends RuntimeException {

    private final String field;

    public InvalidDecisionException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
