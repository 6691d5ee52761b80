package org.pkcn.exchange.proposal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.pkcn.exchange.identity.SignedInAccount;
import org.pkcn.exchange.proposal.AttachmentSummary;
import org.pkcn.exchange.proposal.Caller;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalAccess;
import org.pkcn.exchange.proposal.ProposalAttachments;
import org.pkcn.exchange.proposal.ProposalSummary;
import org.pkcn.exchange.proposal.process.ProposalProcess;
import org.pkcn.exchange.proposal.web.ProposalJson.HistoryEntry;
import org.pkcn.exchange.proposal.web.ProposalJson.ProposalView;
import org.pkcn.exchange.proposal.web.ProposalJson.SummaryView;
import org.pkcn.exchange.proposal.web.ProposalJson.VersionEntry;
import org.pkcn.exchange.proposal.web.ProposalJson.Withdrawal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Applicants' proposals as a JSON API: submit, list their own, read one with its history, answer a
 * request for changes, withdraw. Another applicant's reference is answered 404, as one that does not
 * exist; reviewers and administrators read every proposal, and only the applicant changes one.
 */
@RestController
@RequestMapping(path = "/api/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Proposals", description = "Submit and follow exchange proposals")
class ProposalApi {

    private final ProposalProcess process;
    private final ProposalAccess access;
    private final ProposalAttachments attachments;
    private final ProposalJsonInput input;

    ProposalApi(ProposalProcess process, ProposalAccess access, ProposalAttachments attachments,
            ProposalJsonInput input) {
        this.process = process;
        this.access = access;
        this.attachments = attachments;
        this.input = input;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a proposal", description = "The body is an object of the proposal's fields. "
            + "Every field is checked before anything is stored; a refusal names each bad field.")
    @ApiResponse(responseCode = "201", description = "Submitted; Location is the proposal's address")
    @ApiResponse(responseCode = "400", description = "A field is wrong, or the JSON is malformed",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ProposalView> submit(@ProposalBody @RequestBody Map<String, Object> fields,
            Authentication signedIn) {
        return created(process.submit(caller(signedIn), input.fields(fields), List.of()), List.of());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit a proposal with its documents", description = "Part 'proposal': the fields as "
            + "JSON; parts 'attachments': up to 5 PDF, DOCX, XLSX, PNG or JPEG files of at most 10 MB each.")
    ResponseEntity<ProposalView> submitWithDocuments(
            @RequestPart("proposal") @Schema(type = "string", format = "json") String fields,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> files,
            Authentication signedIn) throws IOException {
        Proposal proposal = process.submit(caller(signedIn), input.fields(fields), input.uploads(files));
        return created(proposal, attachments.of(proposal));
    }

    @GetMapping
    @Operation(summary = "The caller's own proposals, newest first",
            description = "scope=all lists every proposal, for reviewers and administrators.")
    ProposalJson.Page list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "mine (default) or all") @RequestParam(defaultValue = "mine") String scope,
            Authentication signedIn) {
        Caller caller = caller(signedIn);
        org.springframework.data.domain.Page<ProposalSummary> found = "all".equals(scope)
                ? access.all(caller, page, size) : access.mine(caller, page, size);
        return new ProposalJson.Page(found.map(SummaryView::of).getContent(), found.getNumber(), found.getSize(),
                found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/{reference}")
    @Operation(summary = "One proposal: fields, status, progress, attachments")
    @ApiResponse(responseCode = "404", description = "No such proposal, or not the caller's",
            content = @Content(mediaType = "application/problem+json"))
    ProposalView get(@PathVariable String reference, Authentication signedIn) {
        Proposal proposal = access.readable(caller(signedIn), reference);
        return ProposalView.of(proposal, attachments.of(proposal));
    }

    @GetMapping("/{reference}/history")
    @Operation(summary = "Every status change: what, by whom, which party, when, and the comment")
    List<HistoryEntry> history(@PathVariable String reference, Authentication signedIn) {
        return access.readable(caller(signedIn), reference).history().stream().map(HistoryEntry::of).toList();
    }

    @GetMapping("/{reference}/versions")
    @Operation(summary = "Every version the applicant submitted, oldest first, each with the fields it changed",
            description = "A resubmission keeps the version it replaces: reviewers see what changed since their "
                    + "last round. The last entry is the current version (replacedAt null).")
    List<VersionEntry> versions(@PathVariable String reference, Authentication signedIn) {
        return access.versions(caller(signedIn), reference).stream().map(VersionEntry::of).toList();
    }

    @PutMapping(path = "/{reference}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a revision", description = "Only when changes were requested (status "
            + "CHANGES_REQUESTED); the body holds every field, as for a submission.")
    @ApiResponse(responseCode = "409", description = "No changes were requested",
            content = @Content(mediaType = "application/problem+json"))
    ProposalView revise(@PathVariable String reference, @ProposalBody @RequestBody Map<String, Object> fields,
            Authentication signedIn) {
        Caller caller = caller(signedIn);
        process.revise(caller, reference, input.fields(fields), List.of());
        return get(reference, signedIn);
    }

    @PostMapping("/{reference}/withdrawal")
    @Operation(summary = "Withdraw the proposal", description = "Possible while it is open; a second "
            + "withdrawal is a conflict (409).")
    ProposalView withdraw(@PathVariable String reference, @RequestBody(required = false) Withdrawal withdrawal,
            Authentication signedIn) {
        process.withdraw(caller(signedIn), reference, withdrawal == null ? null : withdrawal.reason());
        return get(reference, signedIn);
    }

    /** The answer to a submission: the proposal as its transaction left it, with the documents it came with. */
    private ResponseEntity<ProposalView> created(Proposal proposal, List<AttachmentSummary> documents) {
        return ResponseEntity.created(URI.create("/api/proposals/" + proposal.reference()))
                .body(ProposalView.of(proposal, documents));
    }

    /** Describes a body of proposal fields in the OpenAPI document (the code reads it as a map, for the validator). */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProposalJson.Fields.class)))
    @interface ProposalBody {
    }

    static Caller caller(Authentication signedIn) {
        return SignedInAccount.of(signedIn).caller();
    }
}
