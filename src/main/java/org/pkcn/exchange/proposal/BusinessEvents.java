package org.pkcn.exchange.proposal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What happened to a proposal, for the operators: one line per business event on the logger
 * {@value #LOGGER}, carrying the reference (in the text, and as the field {@code reference} of the JSON
 * logs), and the time each review took as the timer {@value #REVIEW_DURATION}.
 *
 * <p>Both are written only once the transaction that made the change has committed: a step the engine
 * rolls back and retries did not happen, and must not be logged or counted as if it had.
 */
@Component
public class BusinessEvents {

    public static final String LOGGER = "org.pkcn.exchange.events";
    public static final String REVIEW_DURATION = "exchange.review.duration";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final MeterRegistry meters;

    public BusinessEvents(MeterRegistry meters) {
        this.meters = meters;
    }

    void submitted(String reference, String applicantUser) {
        afterCommit(reference, "submitted", "Proposal {} submitted by {}", reference, applicantUser);
    }

    void screenedOut(String reference, String reason) {
        afterCommit(reference, "screened-out", "Proposal {} screened out: {}", reference, reason);
    }

    void revised(String reference) {
        afterCommit(reference, "revised", "Proposal {} revised and resubmitted", reference);
    }

    void withdrawn(String reference) {
        afterCommit(reference, "withdrawn", "Proposal {} withdrawn by the applicant", reference);
    }

    void lapsed(String reference) {
        afterCommit(reference, "lapsed", "Proposal {} lapsed: no revision within the window", reference);
    }

    /** A party's decision (APPROVE, REJECT, REQUEST_CHANGES), after a review that took {@code took}. */
    void decided(String reference, String party, String decision, Duration took) {
        String event = decision.equals("REQUEST_CHANGES") ? "changes-requested" : "decided";
        afterCommit(reference, event, "Proposal {} decided by {}: {}", reference, party, decision);
        afterCommit(() -> Timer.builder(REVIEW_DURATION).description("Time from a review's start to its decision")
                .tag("party", party).register(meters).record(took));
    }

    /** A notification step that ended with every recipient's mail accepted by the SMTP server. */
    public void notified(String reference, String notification, int recipients) {
        // Logged at once: the mails are out whatever happens to the transaction around the step.
        line(reference, "notified", "Proposal {}: {} notified to {} recipient(s)", reference, notification,
                recipients);
    }

    private void afterCommit(String reference, String event, String message, Object... arguments) {
        afterCommit(() -> line(reference, event, message, arguments));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static void line(String reference, String event, String message, Object... arguments) {
        // MDC: the structured (JSON) logs show each entry as a field of its own.
        try (var referenceField = MDC.putCloseable("reference", reference);
                var eventField = MDC.putCloseable("businessEvent", event)) {
            log.info(message, arguments);
        }
    }
}
