package org.pkcn.exchange.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.pkcn.exchange.proposal.InvalidProposalException;
import org.pkcn.exchange.proposal.ProposalStateException;
import org.pkcn.exchange.review.InvalidDecisionException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the engine's REST API the status codes a caller can act on: a proposal or a decision the domain
 * refuses is the caller's mistake (400), not a server error; two people deciding at once, or claiming
 * the same task, is a conflict (409) that tells the loser what happened. A task of the other party's
 * review space is forbidden (403), as a task without a grant is.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

    @Bean
    ResourceConfigCustomizer engineRestErrorMappers() {
        return config -> config.register(new InvalidProposal()).register(new InvalidDecision())
                .register(new ProposalState()).register(new AlreadyClaimed()).register(new ChangedMeanwhile())
                .register(new WrappedConflict())
                // Ahead of Camunda's own mapper of the same exception type, which it hands everything else.
                .register(new OtherPartysTask(), Priorities.USER - 1);
    }

    /** Answers in Camunda's REST error shape: {"type": ..., "message": ...}. */
    abstract static class StatusMapper<E extends Exception> implements ExceptionMapper<E> {
        private final Status status;

        StatusMapper(Status status) {
            this.status = status;
        }

        String messageOf(E exception) {
            return exception.getMessage();
        }

        @Override
        public Response toResponse(E exception) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", exception.getClass().getSimpleName(), "message", messageOf(exception)))
                    .build();
        }
    }

    static final class InvalidProposal extends StatusMapper<InvalidProposalException> {
        InvalidProposal() {
            super(Status.BAD_REQUEST);
        }
    }

    static final class InvalidDecision extends StatusMapper<InvalidDecisionException> {
        InvalidDecision() {
            super(Status.BAD_REQUEST);
        }
    }

    static final class ProposalState extends StatusMapper<ProposalStateException> {
        ProposalState() {
            super(Status.CONFLICT);
        }
    }

    static final class AlreadyClaimed extends StatusMapper<TaskAlreadyClaimedException> {
        AlreadyClaimed() {
            super(Status.CONFLICT);
        }
    }

    static final String CHANGED_MEANWHILE =
            "Someone else changed this at the same moment; nothing of yours was recorded. Reload and try again.";

    static final class ChangedMeanwhile extends StatusMapper<OptimisticLockingException> {
        ChangedMeanwhile() {
            super(Status.CONFLICT);
        }

        @Override
        String messageOf(OptimisticLockingException exception) {
            return CHANGED_MEANWHILE;
        }
    }

    /**
     * Some resources (completing a task) wrap every engine failure into a 500; a concurrent change among
     * them is still a conflict, and a task that is gone is not found. Everything else is answered as Camunda's own handler would.
     */
    @Priority(1)
    static final class WrappedConflict implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camundasOwn = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof OptimisticLockingException) {
                    return Response.status(Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "OptimisticLockingException", "message", CHANGED_MEANWHILE)).build();
                }
                if (OtherPartysTask.isOtherSpace(cause)) {
                    return OtherPartysTask.forbidden();
                }
                if (cause instanceof NotFoundException || cause instanceof NullValueException
                        && String.valueOf(cause.getMessage()).startsWith("Cannot find")) {
                    // Typically: the task was decided a moment ago by someone else.
                    return Response.status(Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "NotFoundException", "message", cause.getMessage()
                                    + " (it may have been completed meanwhile)")).build();
                }
            }
            return camundasOwn.toResponse(exception);
        }
    }

    /**
     * The engine's tenant check refuses a task of another party's review space with a plain engine
     * exception (code ENGINE-13034), which Camunda's REST answers as a server error. To the caller it is
     * what a missing grant is: forbidden.
     */
    static final class OtherPartysTask implements ExceptionMapper<ProcessEngineException> {
        private static final String UNAUTHORIZED_TENANT = "ENGINE-13034";
        private final ProcessEngineExceptionHandler camundasOwn = new ProcessEngineExceptionHandler();

        static boolean isOtherSpace(Throwable exception) {
            return exception instanceof ProcessEngineException
                    && String.valueOf(exception.getMessage()).startsWith(UNAUTHORIZED_TENANT);
        }

        static Response forbidden() {
            return Response.status(Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "AuthorizationException", "message",
                            "This task belongs to the other party's reviews.")).build();
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return isOtherSpace(exception) ? forbidden() : camundasOwn.toResponse(exception);
        }
    }
}
