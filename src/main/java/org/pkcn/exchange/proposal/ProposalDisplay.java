package org.pkcn.exchange.proposal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /** The fields as the review form names them. */
    static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry(ProposalFields.TITLE, "Title / 项目名称"),
            Map.entry(ProposalFields.APPLICANT_NAME, "Applicant / 申请机构"),
            Map.entry(ProposalFields.APPLICANT_KIND, "Kind of applicant / 申请机构类型"),
            Map.entry(ProposalFields.APPLICANT_COUNTRY, "Country / 国家"),
            Map.entry(ProposalFields.APPLICANT_CITY, "City / 城市"),
            Map.entry(ProposalFields.CONTACT_NAME, "Contact / 联系人"),
            Map.entry(ProposalFields.CONTACT_EMAIL, "Contact e-mail / 联系人电子邮箱"),
            Map.entry(ProposalFields.CONTACT_LANGUAGE, "E-mail language / 邮件语言"),
            Map.entry(ProposalFields.DOCKING_REQUESTED, "Project docking / 项目对接"),
            Map.entry(ProposalFields.COUNTERPART_NAME, "Counterpart / 合作方"),
            Map.entry(ProposalFields.COUNTERPART_KIND, "Kind of counterpart / 合作机构类型"),
            Map.entry(ProposalFields.COUNTERPART_EMAIL, "Counterpart e-mail / 合作方电子邮箱"),
            Map.entry(ProposalFields.SECTOR, "Sector / 领域"),
            Map.entry(ProposalFields.EXCHANGE_KIND, "Kind of exchange / 交流类型"),
            Map.entry(ProposalFields.OBJECTIVES, "Objectives / 目标"),
            Map.entry(ProposalFields.EXPECTED_OUTCOMES, "Expected outcomes / 预期成果"),
            Map.entry(ProposalFields.START_DATE, "Start date / 开始日期"),
            Map.entry(ProposalFields.DURATION_MONTHS, "Duration / 期限"),
            Map.entry(ProposalFields.BUDGET_AMOUNT, "Budget / 预算"),
            Map.entry(ProposalFields.BUDGET_CURRENCY, "Currency / 币种"));

    private ProposalDisplay() {
    }

    /**
     * One line per status change, oldest first: when (UTC), what it became, the reviewing party if any, who, and
     * the comment or reason if any (its first {@value #COMMENT_SHOWN} characters); a resubmission also names the
     * fields it changed. Example: {@code - 2026-11-28 09:30 UTC · Changes requested / 要求修改 · STZA · li.wei ·
     * Please name the two mills}
     *
     * @param versions the proposal's versions ({@link Proposal#versions()}): the n-th resubmission brought
     *        version n + 1 and names the fields that version changed
     * @param maxLength the longest text the caller can keep; the oldest lines give way first, and a first line
     *        says how many were left out
     */
    public static String history(List<StatusChange> history, List<SubmittedVersion> versions, int maxLength) {
        List<String> lines = new ArrayList<>();
        int resubmissions = 0;
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
            if (change.status() == ProposalStatus.RESUBMITTED) {
                changesIn(versions, ++resubmissions + 1).ifPresent(parts::add);
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

    /** What a revision changed, so that a reviewer knows where to look again; nothing if not on record. */
    private static Optional<String> changesIn(List<SubmittedVersion> versions, int number) {
        return versions.stream().filter(version -> version.number() == number && version.changedFields() != null)
                .findFirst().map(version -> version.changedFields().isEmpty() ? "no field changed / 未修改任何内容"
                        : "changed / 已修改: " + String.join(", ",
                                version.changedFields().stream().map(FIELD_LABELS::get).toList()));
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
