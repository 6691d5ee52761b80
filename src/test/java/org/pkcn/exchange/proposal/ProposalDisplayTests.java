package org.pkcn.exchange.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the review form shows a proposal's history and budget. */
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
    void budget_readsAsPeopleWriteIt() {
        ProposalDetails details = new ProposalDetails("t", "a", OrganisationKind.ENTERPRISE, Country.PK, "Lahore", "c",
                "c@example.org", Language.EN, true, null, null, null, Sector.FINTECH, ExchangeKind.JOINT_RESEARCH, "o",
                "e", LocalDate.of(2027, 1, 1), 12, new BigDecimal("1000000000000.00"), Currency.PKR);

        assertThat(ProposalDisplay.budget(details)).isEqualTo("1,000,000,000,000.00 PKR");
    }
}
