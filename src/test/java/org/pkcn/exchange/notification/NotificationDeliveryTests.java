package org.pkcn.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.process.SampleProposals;
import org.springframework.beans.factory.annotation.Autowired;

/** Mail is never lost and never sent twice, whatever the SMTP server does. */
@ExchangeTest
class NotificationDeliveryTests extends ProcessScenario {

    @Autowired Notifier notifier;

    @Test
    void smtpServerDown_theStepFailsAndRetriesAndTheMailArrivesOnceItIsBack() {
        String reference = referenceOf(submit(SampleProposals.jointAiResearch()));
        smtp.stop();

        assertThatThrownBy(() -> runPendingStep(reference)).hasMessageContaining("Mail server connection failed");
        Job failed = pendingJob(reference);
        assertThat(failed.getRetries()).as("retries left").isEqualTo(4);
        assertThat(failed.getExceptionMessage()).contains("Mail server connection failed");
        assertThat(registry.get(reference).status().name()).as("the registration stands").isEqualTo("SUBMITTED");

        smtp.start();
        runPendingStep(reference);

        assertThat(mailsAbout(reference)).containsExactly(SampleProposals.APPLICANT_MAIL + " | en | [" + reference
                + "] Proposal received: AI for textile quality control");
        assertThat(review(reference)).isNotNull();
    }

    @Test
    void retriesRunOut_anIncidentShowsAndRetryingItDeliversTheMail() {
        String reference = referenceOf(submit(SampleProposals.jointAiResearch()));
        smtp.stop();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> runPendingStep(reference)).isNotNull();
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(mainInstanceId(reference))
                .singleResult();
        assertThat(incident).as("incident in Cockpit").isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_AcknowledgeProposal");

        smtp.start();
        // What Cockpit's "retry" does: give the job its retries back.
        managementService.setJobRetries(pendingJob(reference).getId(), 1);
        runPendingStep(reference);

        assertThat(runtimeService.createIncidentQuery().processInstanceId(mainInstanceId(reference)).count()).isZero();
        assertThat(mailsAbout(reference)).hasSize(1);
    }

    @Test
    void stepRetriedAfterSomeMailsWereAccepted_sendsOnlyTheOthers() throws Exception {
        String reference = referenceOf(submit(SampleProposals.jointAiResearch()));
        runPendingStep(reference);
        decide(reference, STZA_REVIEWER, "APPROVE", "");
        decide(reference, ZBRA_REVIEWER, "APPROVE", "");

        // The server accepts the applicant's mail, then refuses the counterpart's: the step fails half done.
        MessageDeliveryHandler normal = smtp.getUserManager().getMessageDeliveryHandler();
        smtp.getUserManager().setMessageDeliveryHandler((message, address) -> {
            if (address.getEmail().equals(SampleProposals.COUNTERPART_MAIL)) {
                throw new UserException("mailbox of the counterpart temporarily unavailable");
            }
            return normal.handle(message, address);
        });
        assertThatThrownBy(() -> runPendingStep(reference)).isNotNull();
        assertThat(mailsAbout(reference)).filteredOn(mail -> mail.contains("approved")).hasSize(1);

        smtp.getUserManager().setMessageDeliveryHandler(normal);
        runPendingStep(reference);

        assertThat(mailsAbout(reference)).filteredOn(mail -> mail.contains("approved") || mail.contains("已获批准"))
                .hasSize(4)
                .filteredOn(mail -> mail.startsWith(SampleProposals.APPLICANT_MAIL)).hasSize(1);
    }

    @Test
    void sameEventNotifiedTwice_sendsOneMail() {
        String reference = referenceOf(submit(SampleProposals.jointAiResearch()));

        notifier.notify(NotificationEvent.ACKNOWLEDGED, reference, null);
        notifier.notify(NotificationEvent.ACKNOWLEDGED, reference, null);

        assertThat(mailsAbout(reference)).hasSize(1);
    }
}
