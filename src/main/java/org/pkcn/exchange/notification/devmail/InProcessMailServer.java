package org.pkcn.exchange.notification.devmail;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * On the embedded default, with no SMTP server configured, the notifications go to an SMTP server
 * inside the application, on loopback only, and each mail it receives is logged as one line, so a
 * newcomer sees what the programme would send. Setting {@code spring.mail.host} turns this off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMailServerConfigured.class)
class InProcessMailServer {

    private static final Logger log = LoggerFactory.getLogger(InProcessMailServer.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail inProcessSmtpServer(@Value("${exchange.dev-mail.port:2525}") int port) {
        var greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MessageDeliveryHandler deliverToMailbox = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            log.info("In-process SMTP server received a mail for {}: {}", address.getEmail(), subjectOf(message));
            return deliverToMailbox.handle(message, address);
        });
        log.info("No spring.mail.host set: notifications go to the in-process SMTP server on 127.0.0.1:{}", port);
        return greenMail;
    }

    @Bean
    JavaMailSender inProcessMailSender(GreenMail inProcessSmtpServer) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(inProcessSmtpServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    private static String subjectOf(com.icegreen.greenmail.mail.MovingMessage message) {
        try {
            return message.getMessage().getSubject();
        } catch (MessagingException unreadable) {
            return "(subject unreadable)";
        }
    }
}
