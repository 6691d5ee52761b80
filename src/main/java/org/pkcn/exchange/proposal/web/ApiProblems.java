package org.pkcn.exchange.proposal.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.pkcn.exchange.proposal.AttachmentNotFoundException;
import org.pkcn.exchange.proposal.FieldError;
import org.pkcn.exchange.proposal.InvalidProposalException;
import org.pkcn.exchange.proposal.NotAllowedException;
import org.pkcn.exchange.proposal.ProposalAttachments;
import org.pkcn.exchange.proposal.ProposalNotFoundException;
import org.pkcn.exchange.proposal.ProposalStateException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API as an RFC 9457 problem detail (application/problem+json): what went wrong in
 * one sentence, and for bad input an {@code errors} list naming each field, a code and why. The same
 * codes let the portal show the messages in Chinese.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    static final String TYPES = "https://exchange.example.org/problems/";

    @ExceptionHandler(InvalidProposalException.class)
    ProblemDetail invalid(InvalidProposalException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-proposal", "The proposal was not accepted: "
                + invalid.errors().size() + " field(s) need attention. Nothing was stored.", invalid.errors());
    }

    @ExceptionHandler({ProposalNotFoundException.class, AttachmentNotFoundException.class})
    ProblemDetail notFound(RuntimeException notFound) {
        return problem(HttpStatus.NOT_FOUND, "not-found", notFound.getMessage(), null);
    }

    @ExceptionHandler(ProposalStateException.class)
    ProblemDetail conflict(ProposalStateException state) {
        return problem(HttpStatus.CONFLICT, "proposal-state", state.getMessage(), null);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail changedMeanwhile(ObjectOptimisticLockingFailureException changed) {
        return problem(HttpStatus.CONFLICT, "changed-meanwhile", "Someone changed this proposal at the same moment; "
                + "nothing of yours was recorded. Reload and try again.", null);
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException refused) {
        return problem(HttpStatus.FORBIDDEN, "not-allowed", refused.getMessage(), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        String why = cause instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? json.getOriginalMessage() : cause.getMessage();
        why = why == null ? "" : why.lines().findFirst().orElse("");
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-json", "The body is not "
                + "a JSON object of the proposal's fields. Nothing was stored.",
                List.of(new FieldError(null, "malformed", "must be well-formed JSON (" + why + ")"))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "too-large", "The upload is too large. Nothing was stored.", List.of(new FieldError(
                        ProposalAttachments.FIELD, "too-large", "must be at most 10 MB each"))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() != null
                && "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(TYPES + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(status.getReasonPhrase());
        if (errors != null) {
            problem.setProperty("errors", errors.stream().map(error -> {
                Map<String, String> entry = new java.util.LinkedHashMap<>();
                entry.put("field", error.field());
                entry.put("code", error.code());
                entry.put("message", error.message());
                return entry;
            }).toList());
        }
        return problem;
    }
}
