package org.pkcn.exchange.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pkcn.exchange.identity.SignedInAccount;
import org.pkcn.exchange.proposal.Attachment;
import org.pkcn.exchange.proposal.AttachmentSummary;
import org.pkcn.exchange.proposal.Caller;
import org.pkcn.exchange.proposal.InvalidProposalException;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalAccess;
import org.pkcn.exchange.proposal.ProposalAttachments;
import org.pkcn.exchange.proposal.ProposalProgress;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.pkcn.exchange.proposal.Upload;
import org.pkcn.exchange.proposal.process.ProposalDiagram;
import org.pkcn.exchange.proposal.process.ProposalProcess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An applicant's proposals: the list, a new one, one proposal's page, a revision, a withdrawal. */
@Controller
class ProposalPagesController {

    private static final int PAGE_SIZE = 20;

    private final ProposalAccess access;
    private final ProposalProcess process;
    private final ProposalAttachments attachments;
    private final ProposalDiagram diagrams;
    private final FieldMessages fieldMessages;

    ProposalPagesController(ProposalAccess access, ProposalProcess process, ProposalAttachments attachments,
            ProposalDiagram diagrams, FieldMessages fieldMessages) {
        this.access = access;
        this.process = process;
        this.attachments = attachments;
        this.diagrams = diagrams;
        this.fieldMessages = fieldMessages;
    }

    @GetMapping("/portal/proposals")
    String list(@RequestParam(defaultValue = "0") int page, Authentication signedIn, Model model) {
        model.addAttribute("proposals", access.mine(caller(signedIn), page, PAGE_SIZE));
        return "portal/proposals";
    }

    @GetMapping("/portal/proposals/new")
    String newProposal(Authentication signedIn, Model model) {
        SignedInAccount account = SignedInAccount.of(signedIn);
        return form(model, ProposalForm.startingValues(account.displayName(), PortalPages.currentLanguage()), null, null);
    }

    @PostMapping("/portal/proposals")
    String submit(@RequestParam Map<String, String> posted,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Authentication signedIn,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        List<Upload> uploads = uploads(files);
        try {
            String reference = process.submit(caller(signedIn), ProposalForm.input(posted), uploads).reference();
            redirect.addFlashAttribute("notice", "submitted");
            return "redirect:/portal/proposals/" + reference;
        } catch (InvalidProposalException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", fieldMessages.of(invalid.errors(), locale));
            model.addAttribute("filesLost", !uploads.isEmpty());
            return form(model, ProposalForm.values(posted), null, null);
        }
    }

    @GetMapping("/portal/proposals/{reference}")
    String proposal(@PathVariable String reference, Authentication signedIn, Model model) {
        Caller caller = caller(signedIn);
        Proposal proposal = access.readable(caller, reference);
        model.addAttribute("proposal", proposal);
        model.addAttribute("details", proposal.details());
        model.addAttribute("progress", ProposalProgress.of(proposal));
        model.addAttribute("history", proposal.history());
        model.addAttribute("attachments", attachments.of(proposal));
        model.addAttribute("owner", caller.owns(proposal));
        model.addAttribute("sections", ProposalForm.SECTIONS);
        model.addAttribute("values", ProposalForm.values(proposal.details()));
        model.addAttribute("changesRequested", proposal.status() == ProposalStatus.CHANGES_REQUESTED
                ? proposal.latestChange() : null);
        List<String> current;
        try {
            current = diagrams.of(reference).currentElements();
        } catch (RuntimeException noInstance) {
            current = List.of();
        }
        model.addAttribute("currentElements", String.join(",", current));
        return "portal/proposal";
    }

    @GetMapping(path = "/portal/proposals/{reference}/diagram", produces = "application/xml")
    @ResponseBody
    String diagram(@PathVariable String reference, Authentication signedIn) {
        access.readable(caller(signedIn), reference);
        return diagrams.xml(diagrams.of(reference).processDefinitionId());
    }

    @GetMapping("/portal/proposals/{reference}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable Long id, Authentication signedIn) {
        Attachment attachment = attachments.content(access.readable(caller(signedIn), reference), id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(attachment.content());
    }

    @GetMapping("/portal/proposals/{reference}/revision")
    String revision(@PathVariable String reference, Authentication signedIn, Model model) {
        Proposal proposal = access.owned(caller(signedIn), reference);
        if (proposal.status() != ProposalStatus.CHANGES_REQUESTED) {
            return "redirect:/portal/proposals/" + reference;
        }
        return form(model, ProposalForm.values(proposal.details()), proposal, attachments.of(proposal));
    }

    /** While a revision is asked for, a document can be taken away (to be replaced by a better one). */
    @PostMapping("/portal/proposals/{reference}/attachments/{id}/removal")
    String removeDocument(@PathVariable String reference, @PathVariable Long id, Authentication signedIn,
            RedirectAttributes redirect) {
        attachments.remove(access.owned(caller(signedIn), reference), id);
        redirect.addFlashAttribute("notice", "documentRemoved");
        return "redirect:/portal/proposals/" + reference + "/revision";
    }

    @PostMapping("/portal/proposals/{reference}/revision")
    String revise(@PathVariable String reference, @RequestParam Map<String, String> posted,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Authentication signedIn,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Caller caller = caller(signedIn);
        List<Upload> uploads = uploads(files);
        try {
            process.revise(caller, reference, ProposalForm.input(posted), uploads);
            redirect.addFlashAttribute("notice", "revised");
            return "redirect:/portal/proposals/" + reference;
        } catch (InvalidProposalException invalid) {
            Proposal proposal = access.owned(caller, reference);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", fieldMessages.of(invalid.errors(), locale));
            model.addAttribute("filesLost", !uploads.isEmpty());
            return form(model, ProposalForm.values(posted), proposal, attachments.of(proposal));
        }
    }

    @GetMapping("/portal/proposals/{reference}/withdrawal")
    String withdrawal(@PathVariable String reference, Authentication signedIn, Model model) {
        Proposal proposal = access.owned(caller(signedIn), reference);
        if (proposal.status().isFinal()) {
            return "redirect:/portal/proposals/" + reference;
        }
        model.addAttribute("proposal", proposal);
        return "portal/withdraw";
    }

    @PostMapping("/portal/proposals/{reference}/withdrawal")
    String withdraw(@PathVariable String reference, @RequestParam(required = false) String reason,
            Authentication signedIn, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            process.withdraw(caller(signedIn), reference, reason);
        } catch (InvalidProposalException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("proposal", access.owned(caller(signedIn), reference));
            model.addAttribute("errors", fieldMessages.of(invalid.errors(), locale));
            model.addAttribute("reason", reason);
            return "portal/withdraw";
        }
        redirect.addFlashAttribute("notice", "withdrawn");
        return "redirect:/portal/proposals/" + reference;
    }

    private String form(Model model, Map<String, String> values, Proposal revising, List<AttachmentSummary> documents) {
        model.addAttribute("sections", ProposalForm.SECTIONS);
        model.addAttribute("values", values);
        model.addAttribute("revising", revising);
        model.addAttribute("changesRequested", revising == null ? null : revising.latestChange());
        model.addAttribute("documents", documents == null ? List.of() : documents);
        model.addAttribute("attachmentsLeft", ProposalAttachments.MAX_PER_PROPOSAL
                - (documents == null ? 0 : documents.size()));
        model.addAttribute("maxBytes", ProposalAttachments.MAX_BYTES);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "portal/proposal-form";
    }

    private static List<Upload> uploads(List<MultipartFile> files) throws IOException {
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                boolean chosen = file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
                if (chosen || !file.isEmpty()) {
                    uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
                }
            }
        }
        return uploads;
    }

    private static Caller caller(Authentication signedIn) {
        return SignedInAccount.of(signedIn).caller();
    }
}
