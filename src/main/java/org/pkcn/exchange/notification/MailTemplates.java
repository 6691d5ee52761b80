package org.pkcn.exchange.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pkcn.exchange.proposal.Language;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * One plain-text template per event and language, under {@code notification/templates/}, named
 * {@code acknowledged.en.txt}: the first line is {@code Subject: ...}, then a blank line, then the body.
 * {@code {name}} is replaced by a value; the HTML part is the same text, escaped and set in paragraphs,
 * so the two parts never say different things.
 */
@Component
class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Map<String, String[]> cache = new ConcurrentHashMap<>();

    record Rendered(String subject, String text, String html) {
    }

    Rendered render(NotificationEvent event, Language language, Map<String, String> values) {
        String[] template = cache.computeIfAbsent(event.name().toLowerCase() + "." + language.code(), this::load);
        String subject = fill(template[0], values);
        String text = fill(template[1], values);
        return new Rendered(subject, text, toHtml(subject, text));
    }

    private String[] load(String name) {
        var resource = new ClassPathResource("notification/templates/" + name + ".txt");
        try (InputStream in = resource.getInputStream()) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            int endOfSubject = content.indexOf('\n');
            String subjectLine = content.substring(0, endOfSubject);
            if (!subjectLine.startsWith("Subject: ")) {
                throw new IllegalStateException("Template " + name + " must start with 'Subject: '");
            }
            return new String[] {subjectLine.substring("Subject: ".length()).strip(),
                    content.substring(endOfSubject + 1).strip() + "\n"};
        } catch (IOException missing) {
            throw new UncheckedIOException("No mail template " + resource.getPath(), missing);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String toHtml(String subject, String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>")
                .append(HtmlUtils.htmlEscape(subject)).append("</title></head><body style=\"font-family:sans-serif\">");
        for (String paragraph : text.strip().split("\n\\s*\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }
}
