package org.pkcn.exchange.proposal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A proposal as a reviewer reads it in the Tasklist: its history one line per status change and its budget
 * with the currency. Lines are Markdown list items, since the Camunda Forms' text views render Markdown; text
 * that people typed (comments, account names) is escaped so that it shows as typed and a line stays a line.
 * Labels are bilingual, English / Chinese, like the forms: ZBRA's reviewers read Chinese.
 */
public final class ProposalDisplay {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_{}\\[\\]()<>#+!|~])");
    static final int COMMENT_SHOWN = 500;

    private ProposalDisplay() {
    }

    /**
     * One line per status change, oldest first: when (UTC), what it became, the reviewing party if any, who, and
     * the comment or reason if any (its first {@value #COMMENT_SHOWN} characters). Example: {@code - 2026-11-28
     * 09:30 UTC · Changes requested / 要求修改 · STZA · li.wei · Please name the two mills}
     *
     * @param maxLength the longest text the caller can keep; the oldest lines give way first, and a first line
     *        says how many were left out
     */
    public static String history(List<StatusChange> history, int maxLength) {
        List<String> lines = new ArrayList<>();
        for (StatusChange change : history) {
            List<String> parts = new ArrayList<>();
            parts.add(WHEN.format(change.at()));
            parts.add(label(change.status()));
            if (change.party() != null) {
                parts.add(change.party());
            }
            if (change.actor() != null) {
                parts.add(typed(change.actor()));
            }
            if (change.comment() != null && !change.comment().isBlank()) {
                parts.add(typed(shortened(change.comment())));
            }
            lines.add("- " + String.join(" · ", parts));
        }
        int omitted = 0;
        String text = String.join("\n", lines);
        while (text.length() > maxLength && !lines.isEmpty()) {
            lines.remove(0);
            omitted++;
            text = "- … " + omitted + " earlier change(s) not shown / 另有 " + omitted + " 条较早记录未显示\n"
                    + String.join("\n", lines);
        }
        return text.length() > maxLength ? "" : text;
    }

    /** The budget as people write it: {@code 250,000.00 USD}. */
    public static String budget(ProposalDetails details) {
        return String.format(Locale.ROOT, "%,.2f %s", details.budgetAmount(), details.budgetCurrency());
    }

    static String label(ProposalStatus status) {
        return switch (status) {
            case SUBMITTED -> "Submitted / 已提交";
            case SCREENED_OUT -> "Screened out / 未通过资格审查";
            case CHANGES_REQUESTED -> "Changes requested / 要求修改";
            case RESUBMITTED -> "Resubmitted / 已重新提交";
            case STZA_APPROVED -> "Approved by STZA / STZA 已批准";
            case APPROVED -> "Approved / 已批准";
            case REJECTED -> "Rejected / 已拒绝";
            case WITHDRAWN -> "Withdrawn / 已撤回";
            case LAPSED -> "Lapsed / 已失效";
        };
    }

    private static String shortened(String comment) {
        String text = comment.strip();
        if (text.codePointCount(0, text.length()) <= COMMENT_SHOWN) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, COMMENT_SHOWN)) + "…";
    }

    /** What a person typed, on one line and shown as typed (no Markdown, no HTML). */
    private static String typed(String text) {
        return MARKDOWN.matcher(LINE_BREAKS.matcher(text.strip()).replaceAll(" ")).replaceAll("\\\\$1");
    }
}
