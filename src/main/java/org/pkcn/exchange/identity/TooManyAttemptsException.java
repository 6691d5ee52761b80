package org.pkcn.exchange.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many logins or registrations from one address or for one account in a short time; try again later. */
public class TooManyAttemptsException extends AuthenticationException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many attempts; try again in " + Math.max(1, retryAfter.toMinutes() + 1) + " minutes");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
