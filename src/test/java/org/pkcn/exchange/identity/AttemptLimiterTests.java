package org.pkcn.exchange.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Attempts counted per key in a sliding window. */
class AttemptLimiterTests {

    private Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aKeyIsExhaustedAfterItsLimit_andRecoversAsTheWindowSlides() {
        var limiter = new AttemptLimiter(3, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.exhausted("address:10.0.0.1")).isFalse();
            limiter.record("address:10.0.0.1");
            now = now.plus(Duration.ofMinutes(1));
        }
        assertThat(limiter.exhausted("address:10.0.0.1")).isTrue();
        assertThat(limiter.exhausted("address:10.0.0.2")).isFalse();
        assertThat(limiter.retryAfter("address:10.0.0.1")).isEqualTo(Duration.ofMinutes(12));

        now = now.plus(Duration.ofMinutes(13));
        assertThat(limiter.exhausted("address:10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessfulSignIn_forgetsTheAccountsFailures() {
        var limiter = new AttemptLimiter(2, Duration.ofMinutes(15), clock);
        limiter.record("account:sara");
        limiter.record("account:sara");
        assertThat(limiter.exhausted("account:sara")).isTrue();
        limiter.reset("account:sara");
        assertThat(limiter.exhausted("account:sara")).isFalse();
    }
}
