package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.proposal.BusinessEvents;
import org.pkcn.exchange.proposal.ProposalFields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Operators read a proposal's story in the log: one line per business event, with its reference. */
@ExchangeTest
@ExtendWith(OutputCaptureExtension.class)
class BusinessEventLogTests extends ProcessScenario {

    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void aProposalsWayThroughTheProcess_isOneEventLineperStep(CapturedOutput output) {
        String reference = referenceOf(submit(SampleProposals.jointAiResearch()));
        runPendingStep(reference);
        // A decision whose transaction is rolled back did not happen: no line for it.
        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
            decide(reference, STZA_REVIEWER, "REJECT", "Not this year");
            transaction.setRollbackOnly();
        });
        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Please add the budget breakdown");
        managementService.executeJob(reviewJob(reference).getId());
        revise(reference, SampleProposals.with(SampleProposals.jointAiResearch(), ProposalFields.OBJECTIVES,
                "Train vision models that find weaving defects; budget breakdown attached."));
        decide(reference, STZA_REVIEWER, "APPROVE", "");
        decide(reference, ZBRA_REVIEWER, "APPROVE", "");
        runPendingStep(reference);

        assertThat(eventsAbout(reference, output)).containsExactly(
                "Proposal " + reference + " submitted by applicant",
                "Proposal " + reference + ": ACKNOWLEDGED notified to 1 recipient(s)",
                "Proposal " + reference + " decided by STZA: REQUEST_CHANGES",
                "Proposal " + reference + ": CHANGES_REQUESTED notified to 1 recipient(s)",
                "Proposal " + reference + " revised and resubmitted",
                "Proposal " + reference + " decided by STZA: APPROVE",
                "Proposal " + reference + " decided by ZBRA: APPROVE",
                "Proposal " + reference + ": APPROVED notified to 4 recipient(s)");
    }

    @Test
    void screenedOutAndWithdrawnProposals_areLoggedToo(CapturedOutput output) {
        String ineligible = referenceOf(submit(SampleProposals.with(SampleProposals.jointAiResearch(),
                ProposalFields.DURATION_MONTHS, 48L)));
        runPendingStep(ineligible);
        String withdrawn = referenceOf(submit(SampleProposals.jointAiResearch()));
        runPendingStep(withdrawn);
        withdraw(withdrawn, "Partner changed plans");
        runPendingStep(withdrawn);

        assertThat(eventsAbout(ineligible, output)).containsExactly(
                "Proposal " + ineligible + " submitted by applicant",
                "Proposal " + ineligible + " screened out: An exchange in this call runs for at most 36 months.",
                "Proposal " + ineligible + ": SCREENED_OUT notified to 1 recipient(s)");
        assertThat(eventsAbout(withdrawn, output)).containsExactly(
                "Proposal " + withdrawn + " submitted by applicant",
                "Proposal " + withdrawn + ": ACKNOWLEDGED notified to 1 recipient(s)",
                "Proposal " + withdrawn + " withdrawn by the applicant",
                "Proposal " + withdrawn + ": WITHDRAWN notified to 2 recipient(s)");
    }

    private Job reviewJob(String reference) {
        return managementService.createJobQuery().processInstanceId(review(reference).getId()).messages().singleResult();
    }

    /** The messages of the business event logger that name this reference, in order. */
    static List<String> eventsAbout(String reference, CapturedOutput output) {
        return Arrays.stream(output.getOut().split("\\R"))
                .filter(line -> line.contains(" " + BusinessEvents.LOGGER + " ") && line.contains(reference))
                .map(line -> line.substring(line.indexOf(" : ", line.indexOf(BusinessEvents.LOGGER)) + 3).strip())
                .toList();
    }
}
