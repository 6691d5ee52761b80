package org.pkcn.exchange.notification.devmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.env.MockEnvironment;

/** On the embedded default a newcomer sees every notification as a log line of the in-process SMTP server. */
@ExtendWith(OutputCaptureExtension.class)
class InProcessMailServerTests {

    @Test
    void mailSentWithoutAConfiguredServer_isReceivedAndLogged(CapturedOutput output) {
        var configuration = new InProcessMailServer();
        GreenMail server = configuration.inProcessSmtpServer(0);
        server.start();
        try {
            JavaMailSender sender = configuration.inProcessMailSender(server);
            var mail = new SimpleMailMessage();
            mail.setFrom("no-reply@exchange.example.org");
            mail.setTo("sara.ahmed@lta.example.pk");
            mail.setSubject("[PKCN-2026-00001] Proposal received");
            mail.setText("Thank you.");
            sender.send(mail);

            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(output).contains("In-process SMTP server received a mail for sara.ahmed@lta.example.pk: "
                    + "[PKCN-2026-00001] Proposal received");
        } finally {
            server.stop();
        }
    }

    @Test
    void onlyWhenNoSmtpHostIsConfigured() {
        var condition = new NoMailServerConfigured();
        assertThat(condition.matches(contextWith(new MockEnvironment()), null)).isTrue();
        assertThat(condition.matches(contextWith(new MockEnvironment().withProperty("spring.mail.host", "")), null))
                .isTrue();
        assertThat(condition.matches(contextWith(new MockEnvironment().withProperty("spring.mail.host", "smtp.stza.gov.pk")),
                null)).isFalse();
    }

    private static org.springframework.context.annotation.ConditionContext contextWith(MockEnvironment environment) {
        var context = new org.springframework.context.support.GenericApplicationContext();
        context.setEnvironment(environment);
        return new org.springframework.context.annotation.ConditionContext() {
            public org.springframework.beans.factory.support.BeanDefinitionRegistry getRegistry() { return context; }
            public org.springframework.beans.factory.config.ConfigurableListableBeanFactory getBeanFactory() { return context.getBeanFactory(); }
            public org.springframework.core.env.Environment getEnvironment() { return environment; }
            public org.springframework.core.io.ResourceLoader getResourceLoader() { return context; }
            public ClassLoader getClassLoader() { return getClass().getClassLoader(); }
        };
    }
}
