package org.pkcn.exchange.proposal.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.pkcn.exchange.process.ProposalVariables;
import org.pkcn.exchange.proposal.Caller;
import org.pkcn.exchange.proposal.FieldError;
import org.pkcn.exchange.proposal.InvalidProposalException;
import org.pkcn.exchange.proposal.NotAllowedException;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalAccess;
import org.pkcn.exchange.proposal.ProposalAttachments;
import org.pkcn.exchange.proposal.ProposalDetails;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.pkcn.exchange.proposal.ProposalStateException;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.pkcn.exchange.proposal.ProposalValidator;
import org.pkcn.exchange.proposal.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an applicant does to a proposal, carried out through the process engine: submit (start the
 * process as the applicant, so {@code camunda:initiator} names them and the engine's grants apply),
 * revise (complete their "Revise proposal" task) and withdraw (the withdrawal message, by reference).
 *
 * <p>Every input is judged by the domain first, so a refused request starts nothing and stores nothing;
 * each action is one transaction with the engine's state, the registry and the attachments.
 * Withdrawing is checked here (only the applicant, only while open) and then correlated as the
 * application itself: applicants hold no grant to change process instances, so the engine REST API
 * cannot be used to withdraw somebody else's proposal.
 */
@Service
@Transactional
public class ProposalProcess {

    private static final Logger log = LoggerFactory.getLogger(ProposalProcess.class);

    static final String REVISION_TASK = "Task_ReviseProposal";
    static final int MAX_REASON = 1000;

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ProposalValidator validator;
    private final ProposalAccess access;
    private final ProposalAttachments attachments;
    private final ProposalRegistry registry;

    ProposalProcess(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
            ProposalValidator validator, ProposalAccess access, ProposalAttachments attachments,
            ProposalRegistry registry) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.validator = validator;
        this.access = access;
        this.attachments = attachments;
        this.registry = registry;
    }

    /**
     * Submits a new proposal with its documents; returns it as the submission left it (registered, and screened),
     * read in the submission's own transaction so that the answer needs no second one.
     */
    public Proposal submit(Caller caller, Map<String, ?> input, List<Upload> uploads) {
        ProposalDetails details = validated(input, uploads, 0);
        // The exchange process is shared, in no review space: no need to look the caller's spaces up.
        var instance = as(caller, List.of(), () -> {
            try {
                return runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                        .setVariables(ProposalVariables.of(details)).executeWithVariablesInReturn();
            } catch (AuthorizationException refused) {
                throw new NotAllowedException("Only applicant accounts submit proposals; " + caller.userId()
                        + " is not one");
            }
        });
        Proposal proposal = registry.get(instance.getVariables().getValue(REFERENCE, String.class));
        if (!uploads.isEmpty()) {
            attachments.add(proposal, uploads, caller.userId());
        }
        return proposal;
    }

    /** Answers a request for changes: the revised fields replace the old ones and the review resumes. */
    public void revise(Caller caller, String reference, Map<String, ?> input, List<Upload> uploads) {
        Proposal proposal = access.owned(caller, reference);
        if (proposal.status() != ProposalStatus.CHANGES_REQUESTED) {
            throw new ProposalStateException("Proposal " + reference + " is " + proposal.status()
                    + ": no changes were requested, so there is no revision to submit");
        }
        ProposalDetails details = validated(input, uploads, attachments.of(proposal).size());
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(REVISION_TASK).taskAssignee(caller.userId()).singleResult();
        if (task == null) {
            throw new ProposalStateException("The request for changes to " + reference
                    + " is still being delivered; try again in a few minutes");
        }
        try {
            as(caller, spacesOf(caller), () -> {
                taskService.complete(task.getId(), ProposalVariables.of(details));
                return null;
            });
        } catch (OptimisticLockingException | NullValueException changed) {
            // The revision task was completed, or the proposal withdrawn or lapsed, a moment ago.
            throw changedMeanwhile(reference);
        }
        attachments.add(proposal, uploads, caller.userId());
    }

    /** Withdraws an open proposal of the caller's, with an optional reason. */
    public void withdraw(Caller caller, String reference, String reason) {
        Proposal proposal = access.owned(caller, reference);
        if (proposal.status().isFinal()) {
            throw new ProposalStateException("Proposal " + reference + " is " + proposal.status()
                    + " and cannot be withdrawn");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw new InvalidProposalException(List.of(new FieldError("reason", "too-long",
                    "must be at most " + MAX_REASON + " characters (it has " + why.length() + ")")));
        }
        try {
            asApplication(() -> runtimeService.createMessageCorrelation(WITHDRAWAL_REQUESTED)
                    .processInstanceBusinessKey(reference)
                    .setVariable(WITHDRAWN_BY, caller.userId()).setVariable(WITHDRAWAL_REASON, why).correlate());
        } catch (MismatchingMessageCorrelationException ended) {
            throw new ProposalStateException("Proposal " + reference + " has just been decided or withdrawn and "
                    + "cannot be withdrawn");
        } catch (OptimisticLockingException changed) {
            throw changedMeanwhile(reference);
        } catch (ProcessEngineException raced) {
            // Two withdrawals at once: the second found the message subscription, which the first removed
            // before the second could use it (seen on PostgreSQL). The first one's withdrawal stands.
            log.warn("Withdrawal of {} lost a race: {}", reference, raced.getMessage());
            throw changedMeanwhile(reference);
        }
    }

    private static ProposalStateException changedMeanwhile(String reference) {
        return new ProposalStateException("Proposal " + reference + " changed at the same moment; nothing of yours "
                + "was recorded. Reload it and try again.");
    }

    /** Valid details, or every error of the fields and of the files at once. */
    private ProposalDetails validated(Map<String, ?> input, List<Upload> uploads, long existingAttachments) {
        List<FieldError> errors = new ArrayList<>();
        ProposalDetails details = null;
        try {
            details = validator.validate(input);
        } catch (InvalidProposalException invalid) {
            errors.addAll(invalid.errors());
        }
        errors.addAll(attachments.problemsWith(uploads, existingAttachments));
        if (!errors.isEmpty()) {
            throw new InvalidProposalException(errors);
        }
        return details;
    }

    /** The review spaces the caller belongs to: an applicant's change request lives in one of them. */
    private List<String> spacesOf(Caller caller) {
        return identityService.createTenantQuery().userMember(caller.userId()).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
    }

    private <T> T as(Caller caller, List<String> spaces, Supplier<T> work) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(caller.userId(), caller.groups(), spaces);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    private void asApplication(Runnable work) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            work.run();
        } finally {
            restore(previous);
        }
    }

    private void restore(Authentication previous) {
        if (previous == null) {
            identityService.clearAuthentication();
        } else {
            identityService.setAuthentication(previous);
        }
    }
}
