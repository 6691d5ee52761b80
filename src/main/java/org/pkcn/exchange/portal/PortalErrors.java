package org.pkcn.exchange.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.pkcn.exchange.proposal.AttachmentNotFoundException;
import org.pkcn.exchange.proposal.NotAllowedException;
import org.pkcn.exchange.proposal.ProposalNotFoundException;
import org.pkcn.exchange.proposal.ProposalStateException;
import org.pkcn.exchange.system.ServiceBusyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** The portal's refusals as pages: not found (also for somebody else's proposal), not allowed, not now, busy. */
@ControllerAdvice(assignableTypes = {AccountController.class, ProposalPagesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    @ExceptionHandler({ProposalNotFoundException.class, AttachmentNotFoundException.class})
    String notFound(HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.NOT_FOUND, "notFound");
    }

    @ExceptionHandler(NotAllowedException.class)
    String notAllowed(HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.FORBIDDEN, "notAllowed");
    }

    @ExceptionHandler(ProposalStateException.class)
    String notNow(ProposalStateException state, HttpServletResponse response, Model model) {
        model.addAttribute("detail", state.getMessage());
        return page(response, model, HttpStatus.CONFLICT, "notNow");
    }

    /** Beyond the servlet's limit (12 MB a file): the form cannot be shown again, as its content never arrived. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.PAYLOAD_TOO_LARGE, "tooLarge");
    }

    /** No place to work in time (system.RequestsInArrivalOrder): nothing was done, come back in a moment. */
    @ExceptionHandler(ServiceBusyException.class)
    String busy(ServiceBusyException busy, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.RETRY_AFTER, ServiceBusyException.RETRY_AFTER_SECONDS);
        return page(response, model, HttpStatus.SERVICE_UNAVAILABLE, "busy");
    }

    private static String page(HttpServletResponse response, Model model, HttpStatus status, String problem) {
        response.setStatus(status.value());
        model.addAttribute("problem", problem);
        model.addAttribute("account", null);
        model.addAttribute("language", PortalPages.currentLanguage().code());
        return "portal/problem";
    }
}
