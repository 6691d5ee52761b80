package org.pkcn.exchange.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The repository's models, and variants of them made by the tests. */
public final class ModelFiles {

    public static final String MAIN = "exchange-proposal.bpmn";
    public static final String REVIEW = "proposal-review.bpmn";
    public static final String ELIGIBILITY = "eligibility.dmn";
    public static final String REVIEW_FORM = "forms/review-proposal.form";

    private ModelFiles() {
    }

    /** A file of the set as the repository holds it, by its name in the set. */
    public static String original(String nameInSet) {
        Path file = nameInSet.startsWith("forms/") ? Path.of("forms", nameInSet.substring(6)) : Path.of("processes", nameInSet);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The original text with one replacement, which must apply. */
    public static String replaced(String nameInSet, String target, String replacement) {
        String text = original(nameInSet);
        if (!text.contains(target)) {
            throw new IllegalArgumentException(nameInSet + " has no " + target);
        }
        return text.replace(target, replacement);
    }

    /** The main process with an element added to the process (before its closing tag). */
    public static String mainWith(String element) {
        return replaced(MAIN, "</bpmn:process>", element + "\n  </bpmn:process>");
    }

    public static Map<String, byte[]> files(String... namesAndTexts) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            files.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** The repository's set with the given files in place of (or beside) its own. */
    static ModelSet folderSetWith(ModelProperties properties, String... namesAndTexts) {
        return ModelSet.load(properties).with("test", files(namesAndTexts));
    }
}
