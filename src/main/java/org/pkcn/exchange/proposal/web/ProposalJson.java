package org.pkcn.exchange.proposal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.pkcn.exchange.proposal.AttachmentSummary;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalDetails;
import org.pkcn.exchange.proposal.ProposalProgress;
import org.pkcn.exchange.proposal.ProposalSummary;
import org.pkcn.exchange.proposal.StatusChange;
import org.pkcn.exchange.proposal.SubmittedVersion;

/** The API's JSON: what it answers. Requests are plain objects of the fields named in {@code ProposalFields}. */
final class ProposalJson {

    private ProposalJson() {
    }

    @Schema(description = "A proposal's fields, with the names a submission uses")
    record Fields(String title, String applicantName, String applicantKind, String applicantCountry,
            String applicantCity, String contactName, String contactEmail, String contactLanguage,
            boolean dockingRequested, String counterpartName, String counterpartKind, String counterpartEmail,
            String sector, String exchangeKind, String objectives, String expectedOutcomes, LocalDate startDate,
            int durationMonths, BigDecimal budgetAmount, String budgetCurrency) {

        static Fields of(ProposalDetails d) {
            return new Fields(d.title(), d.applicantName(), d.applicantKind().name(), d.applicantCountry().name(),
                    d.applicantCity(), d.contactName(), d.contactEmail(), d.contactLanguage().code(),
                    d.dockingRequested(), d.counterpartName(), d.counterpartKind() == null ? null
                            : d.counterpartKind().name(), d.counterpartEmail(), d.sector().name(),
                    d.exchangeKind().name(), d.objectives(), d.expectedOutcomes(), d.startDate(), d.durationMonths(),
                    d.budgetAmount(), d.budgetCurrency().name());
        }
    }

    @Schema(description = "Where an open proposal waits and whose move it is: step REVIEW (by party), "
            + "REVISION (the applicant, as party asked) or CLOSED")
    record Progress(String step, String party, String nextActionBy, Instant since) {

        static Progress of(ProposalProgress progress) {
            String by = switch (progress.step()) {
                case REVIEW -> progress.party() + " reviewers";
                case REVISION -> "applicant";
                case CLOSED -> null;
            };
            return new Progress(progress.step().name(), progress.party(), by, progress.since());
        }
    }

    record Attachment(Long id, String fileName, String mediaType, long sizeBytes, Instant uploadedAt, String href) {

        static Attachment of(String reference, AttachmentSummary summary) {
            return new Attachment(summary.id(), summary.fileName(), summary.mediaType(), summary.sizeBytes(),
                    summary.uploadedAt(), "/api/proposals/" + reference + "/attachments/" + summary.id());
        }
    }

    record HistoryEntry(String status, String by, String party, String comment, Instant at) {

        static HistoryEntry of(StatusChange change) {
            return new HistoryEntry(change.status().name(), change.actor(), change.party(), change.comment(), change.at());
        }
    }

    @Schema(description = "One submitted version: who and when, until when it stood (null: the current one), "
            + "which fields differ from the version before (all for the first) and its fields")
    record VersionEntry(int number, String submittedBy, Instant submittedAt, Instant replacedAt,
            List<String> changedFields, Fields fields) {

        static VersionEntry of(SubmittedVersion version) {
            return new VersionEntry(version.number(), version.submittedBy(), version.submittedAt(),
                    version.replacedAt(), version.changedFields(), Fields.of(version.details()));
        }
    }

    @Schema(description = "A proposal with its fields, progress and attachments")
    record ProposalView(String reference, String status, String exchangeNumber, String applicant,
            Instant submittedAt, Instant lastChangedAt, Progress progress, Fields fields, List<Attachment> attachments) {

        static ProposalView of(Proposal proposal, List<AttachmentSummary> attachments) {
            return new ProposalView(proposal.reference(), proposal.status().name(), proposal.exchangeNumber(),
                    proposal.applicantUser(), proposal.submittedAt(), proposal.lastChangedAt(),
                    Progress.of(ProposalProgress.of(proposal)), Fields.of(proposal.details()),
                    attachments.stream().map(a -> Attachment.of(proposal.reference(), a)).toList());
        }
    }

    record SummaryView(String reference, String title, String status, Instant submittedAt, Progress progress,
            String href) {

        static SummaryView of(ProposalSummary summary) {
            return new SummaryView(summary.reference(), summary.title(), summary.status().name(),
                    summary.submittedAt(), Progress.of(summary.progress()), "/api/proposals/" + summary.reference());
        }
    }

    record Page(List<SummaryView> items, int page, int size, long totalItems, int totalPages) {
    }

    @Schema(description = "Why the proposal is withdrawn (optional, at most 1000 characters)")
    record Withdrawal(String reason) {
    }
}
