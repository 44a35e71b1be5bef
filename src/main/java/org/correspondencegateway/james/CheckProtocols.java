package org.correspondencegateway.james;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.correspondencegateway.action.ActionPlan;
import org.correspondencegateway.action.CheckRecord;
import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.Envelope;
import org.correspondencegateway.rules.ProtocolCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a message against the member/officer protocols, once, and records the outcome on the mail
 * for {@link ApplyProtocolActions}. It first removes any {@value ActionPlan#HEADER} header the message
 * arrived with, so that the outcome header cannot be forged from outside. It never fails a mail: a
 * message that cannot be read or checked is recorded as such, and the action stage applies the
 * policy's {@code on-error} action to it.
 *
 * <p>Configuration: none. The rules, directory and policy come from {@link CorrespondenceGatewayModule}.
 *
 * <pre>{@code
 * <processor state="protocol-check">
 *     <mailet match="All" class="org.correspondencegateway.james.CheckProtocols"/>
 *     <mailet match="All" class="ToProcessor"><processor>protocol-actions</processor></mailet>
 * </processor>
 * }</pre>
 */
public final class CheckProtocols extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(CheckProtocols.class);

    private final GatewayServices services;

    @Inject
    public CheckProtocols(GatewayServices services) {
        this.services = services;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        OutcomeField.remove(mail, ActionPlan.HEADER);
        MimeMessage message = mail.getMessage();
        Envelope envelope = envelope(mail);
        CheckRecord record;
        try {
            Correspondence correspondence = services.reader().read(message, envelope);
            ProtocolCheck.Outcome outcome = services.rules().check(correspondence, services.directory().current());
            record = CheckRecord.of(correspondence, outcome);
            correspondence.remembered(Instant.now()).ifPresent(services.memory()::remember);
        } catch (RuntimeException | StackOverflowError e) {
            LOGGER.error("Mail {} could not be checked", mail.getName(), e);
            record = CheckRecord.unreadable(envelope.sender().map(EmailAddress::toString),
                envelope.recipients().stream().map(EmailAddress::toString).toList(), subject(message), e.toString());
        }
        CheckRecordAttribute.set(mail, record);
    }

    static Envelope envelope(Mail mail) {
        Optional<EmailAddress> sender = mail.getMaybeSender().asOptional().map(MailAddress::asString).flatMap(EmailAddress::parse);
        List<EmailAddress> recipients = mail.getRecipients().stream().map(MailAddress::asString).map(EmailAddress::parse)
            .flatMap(Optional::stream).toList();
        Optional<String> user = mail.getAttribute(Mail.SMTP_AUTH_USER).map(a -> String.valueOf(a.getValue().getValue()));
        return new Envelope(sender, recipients, user);
    }

    private static String subject(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getSubject()).orElse("");
        } catch (MessagingException e) {
            return "";
        }
    }

    @Override
    public String getMailetInfo() {
        return "Correspondence Gateway: checks mail against the member/officer protocols";
    }
}
