package org.pkcn.exchange.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pkcn.exchange.proposal.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The domain's field errors as the portal shows them beside each field: in English the very message the
 * API gives; in Chinese the translation of the field's code ({@code error.<field>.<code>}, else
 * {@code error.<code>}), falling back to the English message for a code not translated yet.
 */
@Component
class FieldMessages {

    private final MessageSource messages;

    FieldMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Messages by field name, in order; errors without a field are under "". */
    Map<String, List<String>> of(List<FieldError> errors, Locale locale) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            String field = error.field() == null ? "" : error.field();
            byField.computeIfAbsent(field, f -> new java.util.ArrayList<>()).add(message(error, locale));
        }
        return byField;
    }

    String message(FieldError error, Locale locale) {
        String translated = messages.getMessage("error." + error.field() + "." + error.code(), null, null, locale);
        if (translated == null) {
            translated = messages.getMessage("error." + error.code(), null, null, locale);
        }
        return translated != null ? translated : error.message();
    }
}
