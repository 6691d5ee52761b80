package org.pkcn.exchange.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the review form shows a proposal: its summary and its history. */
class ProposalDisplayTests {

    private static final Instant AT = Instant.parse("2026-11-28T09:30:00Z");

    private static StatusChange change(ProposalStatus status, String actor, String party, String comment, int day) {
        return new StatusChange(null, status, actor, party, comment, AT.plusSeconds(86_400L * day));
    }

    @Test
    void history_isOneLinePerChange_withWhenWhatWhoAndWhy() {
        String history = ProposalDisplay.history(List.of(
                change(ProposalStatus.SUBMITTED, "sara.ahmed", null, null, 0),
                change(ProposalStatus.CHANGES_REQUESTED, "li.wei", "ZBRA", "请补充培训人数", 1),
                change(ProposalStatus.RESUBMITTED, "sara.ahmed", null, null, 2)), List.of(), 4000);

        assertThat(history.lines()).containsExactly(
                "- 2026-11-28 09:30 UTC · Submitted / 已提交 · sara.ahmed",
                "- 2026-11-29 09:30 UTC · Changes requested / 要求修改 · ZBRA · li.wei · 请补充培训人数",
                "- 2026-11-30 09:30 UTC · Resubmitted / 已重新提交 · sara.ahmed");
    }

    @Test
    void typedText_staysOnItsLineAndShowsAsTyped() {
        String history = ProposalDisplay.history(List.of(change(ProposalStatus.REJECTED, "li_wei", "STZA",
                "  # Not *this* year\r\n  <b>sorry</b> [link](x)  ", 0)), List.of(), 4000);

        assertThat(history).isEqualTo("- 2026-11-28 09:30 UTC · Rejected / 已拒绝 · STZA · li\\_wei · "
                + "\\# Not \\*this\\* year \\<b\\>sorry\\</b\\> \\[link\\]\\(x\\)");
    }

    @Test
    void aResubmission_namesTheFieldsItChanged() {
        List<StatusChange> history = List.of(change(ProposalStatus.SUBMITTED, "sara.ahmed", null, null, 0),
                change(ProposalStatus.CHANGES_REQUESTED, "li.wei", "STZA", "Name the mills", 1),
                change(ProposalStatus.RESUBMITTED, "sara.ahmed", null, null, 2),
                change(ProposalStatus.CHANGES_REQUESTED, "wang.fang", "ZBRA", "Budget?", 3),
                change(ProposalStatus.RESUBMITTED, "sara.ahmed", null, null, 4));
        List<SubmittedVersion> versions = List.of(version(1, ProposalFields.ALL), version(2,
                List.of(ProposalFields.OBJECTIVES, ProposalFields.BUDGET_AMOUNT)), version(3, List.of()));

        assertThat(ProposalDisplay.history(history, versions, 4000).lines()).containsExactly(
                "- 2026-11-28 09:30 UTC · Submitted / 已提交 · sara.ahmed",
                "- 2026-11-29 09:30 UTC · Changes requested / 要求修改 · STZA · li.wei · Name the mills",
                "- 2026-11-30 09:30 UTC · Resubmitted / 已重新提交 · sara.ahmed · changed / 已修改: Objectives / 目标, "
                        + "Budget / 预算",
                "- 2026-12-01 09:30 UTC · Changes requested / 要求修改 · ZBRA · wang.fang · Budget?",
                "- 2026-12-02 09:30 UTC · Resubmitted / 已重新提交 · sara.ahmed · no field changed / 未修改任何内容");
    }

    @Test
    void everyField_hasABilingualLabel() {
        assertThat(ProposalDisplay.FIELD_LABELS).containsOnlyKeys(ProposalFields.ALL);
        assertThat(ProposalDisplay.FIELD_LABELS.values()).allMatch(label -> label.matches("[A-Za-z -]+ / .+"));
    }

    private static SubmittedVersion version(int number, List<String> changedFields) {
        return new SubmittedVersion(number, "sara.ahmed", AT, null, null, changedFields);
    }

    @Test
    void everyStatus_hasABilingualLabel() {
        for (ProposalStatus status : ProposalStatus.values()) {
            assertThat(ProposalDisplay.label(status)).matches("[A-Za-z ]+ / .+");
        }
    }

    @Test
    void aLongComment_isShortened() {
        String history = ProposalDisplay.history(List.of(change(ProposalStatus.CHANGES_REQUESTED, "li.wei", "ZBRA",
                "长".repeat(3000), 0)), List.of(), 4000);

        assertThat(history).endsWith(" · " + "长".repeat(ProposalDisplay.COMMENT_SHOWN) + "…");
    }

    @Test
    void aHistoryTooLongToKeep_showsTheNewestChanges() {
        List<StatusChange> changes = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            changes.add(change(ProposalStatus.CHANGES_REQUESTED, "li.wei", "ZBRA", "Round " + round + " " + "x".repeat(400), round));
        }

        String history = ProposalDisplay.history(changes, List.of(), 4000);

        assertThat(history.length()).isLessThanOrEqualTo(4000);
        List<String> lines = history.lines().toList();
        assertThat(lines.get(0)).matches("- … \\d+ earlier change\\(s\\) not shown / 另有 \\d+ 条较早记录未显示");
        assertThat(lines.get(lines.size() - 1)).contains("Round 19 ");
        assertThat(lines).hasSizeGreaterThan(3);
    }

    @Test
    void summary_isEveryFieldButTheLongTexts_oneParagraphEach_withBilingualLabels() {
        ProposalDetails details = details("Cold chain *pilot*", "Lahore Tech Alliance", "sara_ahmed@lta.example.pk",
                false, new BigDecimal("1000000000000.00"));

        assertThat(ProposalDisplay.summary("P-2026-00042", details).split("\n\n")).containsExactly(
                "## Cold chain \\*pilot\\*",
                "**Registry reference / 登记编号：** P-2026-00042",
                "**Applicant / 申请机构：** Lahore Tech Alliance — Enterprise / 企业, Lahore, Pakistan / 巴基斯坦",
                "**Contact / 联系人：** Sara Ahmed, sara\\_ahmed@lta.example.pk — e-mails in / 邮件语言：English / 英文",
                "**Counterpart / 合作方：** Zhongguancun AI Lab — R&D centre / 研发中心, partner@zgc.example.cn",
                "**Sector / 领域：** Fintech / 金融科技",
                "**Kind of exchange / 交流类型：** Joint research / 联合研究",
                "**Start date / 开始日期：** 2027-01-01",
                "**Duration / 期限：** 12 months / 个月",
                "**Budget / 预算：** 1,000,000,000,000.00 PKR");
    }

    @Test
    void summary_ofADockingRequest_saysTheProgrammeFindsTheCounterpart() {
        String summary = ProposalDisplay.summary("P-2026-00042", details("t", "a", "c@example.org", true,
                BigDecimal.TEN));

        assertThat(summary).contains("**Counterpart / 合作方：** project docking requested")
                .doesNotContain("null");
    }

    @Test
    void summary_ofTheLongestFields_withEveryCharacterEscaped_fitsAStringVariable() {
        String longest = "*".repeat(ProposalValidator.SHORT_TEXT);
        String email = "_".repeat(ProposalValidator.EMAIL_TEXT);
        ProposalDetails details = new ProposalDetails(longest, longest, OrganisationKind.TECHNOLOGY_ZONE_DEVELOPER,
                Country.PK, "#".repeat(ProposalValidator.CITY_TEXT), longest, email, Language.ZH, false, longest,
                OrganisationKind.TECHNOLOGY_ZONE_DEVELOPER, email, Sector.ARTIFICIAL_INTELLIGENCE,
                ExchangeKind.TECHNOLOGY_ZONE_COOPERATION, "o", "e", LocalDate.of(2027, 1, 1), 120,
                new BigDecimal("1000000000000.00"), Currency.PKR);

        assertThat(ProposalDisplay.summary("P-2026-00042", details)).hasSizeLessThanOrEqualTo(4000);
    }

    @Test
    void everyChoice_hasABilingualLabel() {
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(OrganisationKind.class, Country.class,
                Language.class, Sector.class, ExchangeKind.class)) {
            for (Enum<?> choice : type.getEnumConstants()) {
                assertThat(ProposalDisplay.CHOICE_LABELS.get(choice)).as("%s", choice).matches("[A-Za-z &-]+ / .+");
            }
        }
    }

    private static ProposalDetails details(String title, String applicant, String contactEmail, boolean docking,
            BigDecimal budget) {
        return new ProposalDetails(title, applicant, OrganisationKind.ENTERPRISE, Country.PK, "Lahore", "Sara Ahmed",
                contactEmail, Language.EN, docking, docking ? null : "Zhongguancun AI Lab",
                docking ? null : OrganisationKind.RD_CENTRE, docking ? null : "partner@zgc.example.cn", Sector.FINTECH,
                ExchangeKind.JOINT_RESEARCH, "o", "e", LocalDate.of(2027, 1, 1), 12, budget, Currency.PKR);
    }
}
