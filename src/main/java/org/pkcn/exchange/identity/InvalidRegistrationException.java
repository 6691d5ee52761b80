package org.pkcn.exchange.identity;

import java.util.List;
import org.pkcn.exchange.proposal.FieldError;

/** A registration refused for its content; names every field that is wrong. */
public class InvalidRegistrationException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRegistrationException(List<FieldError> errors) {
        super("The registration is not valid: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
