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
 * A proposal as a reviewer reads it in the Tasklist: a summary of its fields, and its history one line per status
 * change. Both are Markdown, since the Camunda Forms' text views render Markdown; text that people typed (names,
 * comments, account names) is escaped so that it shows as typed and a line stays a line. Labels are bilingual,
 * English / Chinese, worded as the start form words them: ZBRA's reviewers read Chinese.
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

    /** The choices as the start form (forms/submit-proposal.form) labels them; a test keeps the two the same. */
    static final Map<Enum<?>, String> CHOICE_LABELS = Map.ofEntries(
            Map.entry(OrganisationKind.ENTERPRISE, "Enterprise / 企业"),
            Map.entry(OrganisationKind.RD_CENTRE, "R&D centre / 研发中心"),
            Map.entry(OrganisationKind.ACADEMIC_INSTITUTION, "Academic institution / 学术机构"),
            Map.entry(OrganisationKind.TECHNOLOGY_ZONE_DEVELOPER, "Technology-zone developer / 科技园区开发商"),
            Map.entry(Country.PK, "Pakistan / 巴基斯坦"),
            Map.entry(Country.CN, "China / 中国"),
            Map.entry(Language.EN, "English / 英文"),
            Map.entry(Language.ZH, "Chinese / 中文"),
            Map.entry(Sector.SEMICONDUCTORS, "Semiconductors / 半导体"),
            Map.entry(Sector.CLOUD_COMPUTING, "Cloud computing / 云计算"),
            Map.entry(Sector.ARTIFICIAL_INTELLIGENCE, "Artificial intelligence / 人工智能"),
            Map.entry(Sector.ROBOTICS, "Robotics / 机器人"),
            Map.entry(Sector.FINTECH, "Fintech / 金融科技"),
            Map.entry(Sector.BLOCKCHAIN, "Blockchain / 区块链"),
            Map.entry(Sector.BIOTECH, "Biotech / 生物技术"),
            Map.entry(ExchangeKind.INFORMATION_SHARING,
                    "Sharing science and technology development experience / 科技发展经验交流"),
            Map.entry(ExchangeKind.JOINT_RESEARCH, "Joint research / 联合研究"),
            Map.entry(ExchangeKind.TECHNOLOGY_ZONE_COOPERATION,
                    "Construction and management of technology zones / 科技园区建设与管理"),
            Map.entry(ExchangeKind.SCIENCE_PARK_COOPERATION, "Science and technology park cooperation / 科技园合作"),
            Map.entry(ExchangeKind.TALENT_TRAINING, "International talent training / 国际人才培养"),
            Map.entry(ExchangeKind.PROJECT_DOCKING, "Project docking / 项目对接"));

    private ProposalDisplay() {
    }

    /**
     * The proposal's fields but its two long texts (objectives and expected outcomes, which the review form shows
     * as typed, each in a variable of its own), one paragraph per line: title, reference, applicant, contact,
     * counterpart (or the request for project docking), sector and kind of exchange, dates and budget. Under the
     * 4,000 characters of a String variable even for the longest fields with every typed character escaped.
     */
    public static String summary(String reference, ProposalDetails details) {
        List<String> lines = new ArrayList<>();
        lines.add("## " + typed(details.title()));
        lines.add("**Registry reference / 登记编号：** " + reference);
        lines.add("**Applicant / 申请机构：** " + typed(details.applicantName()) + " — "
                + CHOICE_LABELS.get(details.applicantKind()) + ", " + typed(details.applicantCity()) + ", "
                + CHOICE_LABELS.get(details.applicantCountry()));
        lines.add("**Contact / 联系人：** " + typed(details.contactName()) + ", " + typed(details.contactEmail())
                + " — e-mails in / 邮件语言：" + CHOICE_LABELS.get(details.contactLanguage()));
        lines.add(details.dockingRequested()
                ? "**Counterpart / 合作方：** project docking requested: the programme is to find one in the other "
                        + "country. / 已申请项目对接：由项目在对方国家寻找合作方。"
                : "**Counterpart / 合作方：** " + typed(details.counterpartName()) + " — "
                        + CHOICE_LABELS.get(details.counterpartKind()) + ", " + typed(details.counterpartEmail()));
        lines.add("**Sector / 领域：** " + CHOICE_LABELS.get(details.sector()));
        lines.add("**Kind of exchange / 交流类型：** " + CHOICE_LABELS.get(details.exchangeKind()));
        lines.add("**Start date / 开始日期：** " + details.startDate());
        lines.add("**Duration / 期限：** " + details.durationMonths() + " months / 个月");
        lines.add("**Budget / 预算：** " + budget(details));
        return String.join("\n\n", lines);
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
    private static String budget(ProposalDetails details) {
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
