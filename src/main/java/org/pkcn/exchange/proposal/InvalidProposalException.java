package org.pkcn.exchange.proposal;

import java.util.List;
import java.util.stream.Collectors;

/** A proposal refused for its content; names every field that is wrong, not only the first. */
public class InvalidProposalException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidProposalException(List<FieldError> errors) {
        super("The proposal is not valid: "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
