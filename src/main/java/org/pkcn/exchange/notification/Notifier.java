package org.pkcn.exchange.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pkcn.exchange.proposal.BusinessEvents;
import org.pkcn.exchange.proposal.Language;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalDetails;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.pkcn.exchange.proposal.StatusChange;
import org.pkcn.exchange.review.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Tells the people concerned what happened to a proposal: who receives which event is decided here,
 * the wording is in the templates. Sending is at most once per mail: each mail has a key made of the
 * event, the proposal, the history entry it announces and the recipient, and the ledger remembers
 * the keys the SMTP server accepted. An SMTP failure is thrown to the caller, which retries later.
 */
@Service
public class Notifier {

    /** Mails the SMTP server accepted, and mails it refused or could not be reached for, per event. */
    public static final String SENT = "exchange.notifications.sent";
    public static final String FAILED = "exchange.notifications.failed";

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final ProposalRegistry registry;
    private final GroupDirectory groups;
    private final MailTemplates templates;
    private final MailLedger ledger;
    private final JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final BusinessEvents events;
    private final MeterRegistry meters;

    public Notifier(ProposalRegistry registry, GroupDirectory groups, MailTemplates templates, MailLedger ledger,
            JavaMailSender mailSender, NotificationProperties properties, BusinessEvents events,
            MeterRegistry meters) {
        this.registry = registry;
        this.groups = groups;
        this.templates = templates;
        this.ledger = ledger;
        this.mailSender = mailSender;
        this.properties = properties;
        this.events = events;
        this.meters = meters;
        // Every series from the start, at 0: a rate over a counter that appears only at its first mail is lost.
        for (NotificationEvent event : NotificationEvent.values()) {
            counter(SENT, event);
            counter(FAILED, event);
        }
    }

    /**
     * @param party the reviewing party the event concerns, for reminders and escalations; null otherwise
     */
    public void notify(NotificationEvent event, String reference, Party party) {
        Proposal proposal = registry.get(reference);
        StatusChange announced = proposal.latestChange();
        Map<String, String> values = valuesOf(proposal, announced, party);
        List<Recipient> recipients = recipientsOf(event, proposal, party);
        for (Recipient recipient : recipients) {
            String key = String.join("/", event.name(), reference, String.valueOf(announced.id()),
                    party == null ? "-" : party.name(), recipient.email());
            var rendered = templates.render(event, recipient.language(), values);
            send(new Mail(key, reference, event, recipient, rendered.subject(), rendered.text(), rendered.html()));
        }
        events.notified(reference, event.name(), recipients.size());
    }

    private List<Recipient> recipientsOf(NotificationEvent event, Proposal proposal, Party party) {
        List<Recipient> recipients = new ArrayList<>();
        ProposalDetails details = proposal.details();
        switch (event) {
            case ACKNOWLEDGED, SCREENED_OUT, CHANGES_REQUESTED, REJECTED, LAPSED -> recipients.add(applicant(details));
            case APPROVED -> {
                recipients.add(applicant(details));
                if (details.hasCounterpart()) {
                    // The counterpart sits in the other country; a Chinese counterpart reads Chinese.
                    Language language = details.counterpartCountry().name().equals("CN") ? Language.ZH : Language.EN;
                    recipients.add(new Recipient(details.counterpartEmail(), language));
                }
                recipients.addAll(groups.membersOf(Party.STZA.reviewers()));
                recipients.addAll(groups.membersOf(Party.ZBRA.reviewers()));
            }
            case REMINDER -> recipients.addAll(groups.membersOf(required(party, event).reviewers()));
            case ESCALATION -> recipients.addAll(groups.membersOf(required(party, event).supervisors()));
            case WITHDRAWN -> {
                recipients.add(applicant(details));
                recipients.addAll(groups.membersOf(Party.STZA.reviewers()));
                if (proposal.reached(ProposalStatus.STZA_APPROVED)) {
                    recipients.addAll(groups.membersOf(Party.ZBRA.reviewers()));
                }
            }
        }
        return recipients.stream().distinct().toList();
    }

    private static Recipient applicant(ProposalDetails details) {
        return new Recipient(details.contactEmail(), details.contactLanguage());
    }

    private static Party required(Party party, NotificationEvent event) {
        if (party == null) {
            throw new IllegalArgumentException(event + " needs the reviewing party it concerns");
        }
        return party;
    }

    private Map<String, String> valuesOf(Proposal proposal, StatusChange announced, Party party) {
        ProposalDetails details = proposal.details();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reference", proposal.reference());
        values.put("title", details.title());
        values.put("applicantName", details.applicantName());
        values.put("contactName", details.contactName());
        values.put("counterpartName", details.hasCounterpart() ? details.counterpartName() : "");
        values.put("status", proposal.status().name());
        values.put("party", party != null ? party.name() : nullToEmpty(announced.party()));
        values.put("actor", nullToEmpty(announced.actor()));
        values.put("comment", nullToEmpty(announced.comment()));
        values.put("exchangeNumber", nullToEmpty(proposal.exchangeNumber()));
        values.put("link", properties.portalUrl());
        return values;
    }

    private void send(Mail mail) {
        if (ledger.wasSent(mail)) {
            log.info("Mail {} was accepted by the SMTP server before; not sending it again", mail.key());
            return;
        }
        try {
            mailSender.send(toMimeMessage(mail));
        } catch (MailException failed) {
            counter(FAILED, mail.event()).increment();
            throw failed;
        }
        ledger.recordSent(mail);
        counter(SENT, mail.event()).increment();
        log.info("Notified {} of {} for {}", mail.to().email(), mail.event(), mail.reference());
    }

    private Counter counter(String name, NotificationEvent event) {
        return Counter.builder(name).tag("event", event.name())
                .description(name.equals(SENT) ? "Mails the SMTP server accepted" : "Mails that could not be sent (retried)")
                .register(meters);
    }

    private MimeMessage toMimeMessage(Mail mail) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.to().email());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            message.setHeader("Content-Language", mail.to().language().code());
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not build the mail " + mail.key(), e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
