package org.pkcn.exchange.proposal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.pkcn.exchange.proposal.Attachment;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalAccess;
import org.pkcn.exchange.proposal.ProposalAttachments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A proposal's documents: listed and downloaded by whoever may read the proposal; added by its applicant
 * while it is open, removed while it waits for their revision.
 */
@RestController
@RequestMapping("/api/proposals/{reference}/attachments")
@Tag(name = "Attachments", description = "PDF, DOCX, XLSX, PNG or JPEG; up to 10 MB each, 5 per proposal")
class AttachmentApi {

    private final ProposalAccess access;
    private final ProposalAttachments attachments;
    private final ProposalJsonInput input;

    AttachmentApi(ProposalAccess access, ProposalAttachments attachments, ProposalJsonInput input) {
        this.access = access;
        this.attachments = attachments;
        this.input = input;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The proposal's documents")
    List<ProposalJson.Attachment> list(@PathVariable String reference, Authentication signedIn) {
        Proposal proposal = access.readable(ProposalApi.caller(signedIn), reference);
        return attachments.of(proposal).stream().map(a -> ProposalJson.Attachment.of(reference, a)).toList();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add documents (parts named 'file')", description = "The type is judged by content, "
            + "not by name; all files are refused if one is wrong.")
    List<ProposalJson.Attachment> add(@PathVariable String reference, @RequestPart("file") List<MultipartFile> files,
            Authentication signedIn) throws IOException {
        Proposal proposal = access.owned(ProposalApi.caller(signedIn), reference);
        return attachments.add(proposal, input.uploads(files), proposal.applicantUser()).stream()
                .map(a -> ProposalJson.Attachment.of(reference, a)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Download a document")
    ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable Long id, Authentication signedIn) {
        Attachment attachment = attachments.content(access.readable(ProposalApi.caller(signedIn), reference), id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(attachment.content());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a document", description = "Only while the proposal waits for your revision")
    void remove(@PathVariable String reference, @PathVariable Long id, Authentication signedIn) {
        attachments.remove(access.owned(ProposalApi.caller(signedIn), reference), id);
    }
}
