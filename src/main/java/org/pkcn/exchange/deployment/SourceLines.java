package org.pkcn.exchange.deployment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds where in a file an element is written, for problems the engine or the model API report without a line. */
final class SourceLines {

    private SourceLines() {
    }

    /** The line of {@code id="elementId"} in the text (1-based), or null when it is not there. */
    static Integer lineOfId(String text, String elementId) {
        if (text == null || elementId == null) {
            return null;
        }
        Matcher id = Pattern.compile("\\bid\\s*=\\s*[\"']" + Pattern.quote(elementId) + "[\"']").matcher(text);
        return id.find() ? lineAt(text, id.start()) : null;
    }

    /** The line of the first occurrence of the literal text, or null. */
    static Integer lineOf(String text, String literal) {
        if (text == null || literal == null || literal.isEmpty()) {
            return null;
        }
        int at = text.indexOf(literal);
        return at < 0 ? null : lineAt(text, at);
    }

    /** The line of a form field: by its id when it has one, else by its key. */
    static Integer lineOfFormField(String text, String id, String key) {
        if (id != null) {
            Matcher byId = Pattern.compile("\"id\"\\s*:\\s*\"" + Pattern.quote(id) + "\"").matcher(text);
            if (byId.find()) {
                return lineAt(text, byId.start());
            }
        }
        Matcher byKey = Pattern.compile("\"key\"\\s*:\\s*\"" + Pattern.quote(key) + "\"").matcher(text);
        return byKey.find() ? lineAt(text, byKey.start()) : null;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
