package org.pkcn.exchange.review.process;

import java.time.Duration;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a review and a revision may take, read by the review model's timers and due date as
 * {@code ${reviewPeriods.reminderAfter}} and {@code ${reviewPeriods.dueDate(now())}}. Settings are
 * ISO-8601 durations (P10D, PT2H): {@code exchange.review.due-after} (supervisors hear of a review
 * still open then), {@code exchange.review.reminder-after} (reviewers are reminded) and
 * {@code exchange.review.revision-window} (an applicant asked for changes has this long, or the proposal lapses).
 */
@Component("reviewPeriods")
public class ReviewPeriods {

    private final Duration dueAfter;
    private final Duration reminderAfter;
    private final Duration revisionWindow;

    ReviewPeriods(@Value("${exchange.review.due-after:P10D}") Duration dueAfter,
            @Value("${exchange.review.reminder-after:P7D}") Duration reminderAfter,
            @Value("${exchange.review.revision-window:P30D}") Duration revisionWindow) {
        this.dueAfter = dueAfter;
        this.reminderAfter = reminderAfter;
        this.revisionWindow = revisionWindow;
    }

    /** The due date of a review starting at {@code start}: the engine's now(), so a moved test clock agrees. */
    public Date dueDate(Date start) {
        return Date.from(start.toInstant().plus(dueAfter));
    }

    public String getDueAfter() {
        return dueAfter.toString();
    }

    public String getReminderAfter() {
        return reminderAfter.toString();
    }

    public String getRevisionWindow() {
        return revisionWindow.toString();
    }
}
