package org.pkcn.exchange.system;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.pkcn.exchange.proposal.InvalidProposalException;
import org.pkcn.exchange.proposal.ProposalStateException;
import org.pkcn.exchange.review.InvalidDecisionException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the engine's REST API the status codes a caller can act on: a proposal or a decision the domain
 * refuses is the caller's mistake (400), not a server error; two people deciding at once, or claiming
 * the same task, is a conflict (409) that tells the loser what happened.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

    @Bean
    ResourceConfigCustomizer engineRestErrorMappers() {
        return config -> config.register(new InvalidProposal()).register(new InvalidDecision())
                .register(new ProposalState()).register(new AlreadyClaimed()).register(new ChangedMeanwhile());
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

    static final class ChangedMeanwhile extends StatusMapper<OptimisticLockingException> {
        ChangedMeanwhile() {
            super(Status.CONFLICT);
        }

        @Override
        String messageOf(OptimisticLockingException exception) {
            return "Someone else changed this at the same moment; nothing of yours was recorded. Reload and try again.";
        }
    }
}
