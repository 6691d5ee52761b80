package org.pkcn.exchange.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key (an account, a client address) in a sliding window and says when a key has had
 * enough. In memory, per instance of the service: it slows down guessing and mass registration; it is not
 * an account lock (the engine keeps its own count of failed logins per account).
 */
class AttemptLimiter {

    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    AttemptLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** True when the key has used up its attempts; then {@link #retryAfter} says for how long. */
    boolean exhausted(String key) {
        Deque<Instant> times = attempts.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            forgetOld(times);
            return times.size() >= limit;
        }
    }

    void record(String key) {
        if (attempts.size() > MAX_KEYS) {
            attempts.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    forgetOld(entry.getValue());
                    return entry.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    void reset(String key) {
        attempts.remove(key);
    }

    Duration retryAfter(String key) {
        Deque<Instant> times = attempts.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            forgetOld(times);
            return times.isEmpty() ? Duration.ZERO : Duration.between(clock.instant(), times.peekFirst().plus(window));
        }
    }

    private void forgetOld(Deque<Instant> times) {
        Instant cutOff = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(cutOff)) {
            times.removeFirst();
        }
    }
}
