package org.pkcn.exchange.notification.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.NOTIFICATION;
import static org.pkcn.exchange.process.ExchangeProposalProcess.PARTY;
import static org.pkcn.exchange.process.ExchangeProposalProcess.REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pkcn.exchange.notification.NotificationEvent;
import org.pkcn.exchange.notification.Notifier;
import org.pkcn.exchange.review.Party;
import org.springframework.stereotype.Component;

/**
 * Every "Notify ..." step of the models: the step's input parameter {@code notification} names the event.
 * The steps are asynchronous, so an SMTP failure fails this job only: the engine retries it, and when
 * retries run out the incident shows in Cockpit, where a retry delivers the mail.
 */
@Component("sendNotification")
class SendNotificationDelegate implements JavaDelegate {

    private final Notifier notifier;

    SendNotificationDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var event = NotificationEvent.valueOf((String) execution.getVariable(NOTIFICATION));
        String party = (String) execution.getVariable(PARTY);
        notifier.notify(event, (String) execution.getVariable(REFERENCE), party == null ? null : Party.valueOf(party));
    }
}
