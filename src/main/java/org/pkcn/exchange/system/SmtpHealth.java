package org.pkcn.exchange.system;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server, as health component {@code smtp}. When it cannot be reached the node is DEGRADED, not
 * DOWN: mails wait in their retried steps and nothing else is lost, so the node must stay in the load
 * balancer (DEGRADED answers 200). Spring Boot's own mail indicator says DOWN, hence this one.
 * The answer is kept for {@code exchange.health.smtp-check-interval}, so that frequent health checks do
 * not open an SMTP connection each.
 */
@Component("smtp")
class SmtpHealth extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Mail cannot be sent now; it is retried");

    private final JavaMailSender mailSender;
    private final Duration interval;
    private final Clock clock;
    private volatile Health last;
    private volatile Instant checkedAt = Instant.MIN;

    SmtpHealth(JavaMailSender mailSender, @Value("${exchange.health.smtp-check-interval:PT30S}") Duration interval,
            Clock clock) {
        super("SMTP health check failed");
        this.mailSender = mailSender;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = Instant.now(clock);
        Health cached = last;
        if (cached == null || !now.isBefore(checkedAt.plus(interval))) {
            cached = check();
            last = cached;
            checkedAt = now;
        }
        builder.status(cached.getStatus()).withDetails(cached.getDetails());
    }

    private Health check() {
        if (!(mailSender instanceof JavaMailSenderImpl smtp)) {
            return Health.unknown().build();
        }
        Health.Builder health = new Health.Builder().withDetail("location", smtp.getHost() + ":" + smtp.getPort());
        try {
            smtp.testConnection();
            return health.up().build();
        } catch (MessagingException unreachable) {
            return health.status(DEGRADED).withDetail("error", unreachable.getClass().getSimpleName()).build();
        }
    }
}
