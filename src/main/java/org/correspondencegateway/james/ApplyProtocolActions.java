package org.correspondencegateway.james;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.correspondencegateway.action.ActionPlan;
import org.correspondencegateway.action.CheckRecord;
import org.correspondencegateway.action.Disclosure;
import org.correspondencegateway.action.Disposition;
import org.correspondencegateway.action.Notices;
import org.correspondencegateway.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on what {@link CheckProtocols} found, by the council's policy: the most restrictive action among
 * the findings (or the {@code on-error} action for a message that could not be fully checked) decides.
 * <ul>
 *   <li>hold: the message is stored in the held repository ({@link GatewayRepositories}, {@value GatewayRepositories#HELD} by default) and goes no
 *       further; the sender is told, and so is the Clerk, with a link to it in the console;</li>
 *   <li>disclose: "CC Councillor X" is added at the foot of the new text for each silently copied
 *       councillor, the message is delivered and the sender told; a signed message is not altered and is
 *       warned about instead;</li>
 *   <li>warn: delivered; the sender is told;</li>
 *   <li>monitor: delivered untouched; recorded for the Clerk only.</li>
 * </ul>
 * Every message leaves with an {@value ActionPlan#HEADER} header saying what happened
 * ({@code passed}, or e.g. {@code silent-copy=disclosed}); every outcome is audited; delivered mail with
 * findings is also copied into the flagged repository for the
 * Clerk to acknowledge. Notices go only to senders inside the council. A notice that cannot be written
 * is logged; it never stops the mail.
 *
 * <p>Configuration: none.
 *
 * <pre>{@code
 * <processor state="protocol-actions">
 *     <mailet match="All" class="org.correspondencegateway.james.ApplyProtocolActions"/>
 *     <mailet match="All" class="ToProcessor"><processor>transport</processor></mailet>
 * </processor>
 * }</pre>
 */
public final class ApplyProtocolActions extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(ApplyProtocolActions.class);

    private final GatewayServices services;
    private final MailRepositoryStore repositories;

    @Inject
    public ApplyProtocolActions(GatewayServices services, MailRepositoryStore repositories) {
        this.services = services;
        this.repositories = repositories;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        CheckRecord record = CheckRecordAttribute.get(mail).orElseGet(() -> CheckRecord.unreadable(
            mail.getMaybeSender().asOptional().map(a -> a.asString()), mail.getRecipients().stream().map(a -> a.asString()).toList(),
            "", "the check did not run on this message"));
        ActionPlan plan = ActionPlan.of(record, services.policy());
        MimeMessage message = mail.getMessage();

        if (plan.disposition() == Disposition.DISCLOSE && !disclose(message, plan)) {
            // signed, or no body text to add to: warn instead
            plan = ActionPlan.of(record.unalterable(), services.policy());
        }
        OutcomeField.set(mail, ActionPlan.HEADER, plan.headerValue());

        String key = mail.getName();
        try {
            switch (plan.disposition()) {
                case HOLD -> {
                    services.repositories().held(repositories).store(mail);
                    mail.setState(Mail.GHOST);
                }
                case DISCLOSE, WARN, MONITOR -> {
                    MailImpl copy = MailImpl.duplicate(mail);
                    copy.setName(key);
                    services.repositories().flagged(repositories).store(copy);
                }
                case PASS -> {
                }
            }
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            // James's error processor bounces the mail and keeps it in the error repository: never lost
            throw new MessagingException("the gateway's mail repositories cannot be reached", e);
        }
        services.audit().record(new AuditEvent(Instant.now(), event(plan), key, record.messageId(), record.subject(),
            record.sender(), record.recipients(), Optional.of(plan.headerValue()), Optional.empty(), Optional.empty()));
        notify(record, plan, key);
    }

    private static boolean disclose(MimeMessage message, ActionPlan plan) {
        try {
            return Disclosure.apply(message, Disclosure.lines(plan.disclose()));
        } catch (MessagingException | IOException | RuntimeException e) {
            LOGGER.warn("Could not add the disclosure to a message; it is warned about instead", e);
            return false;
        }
    }

    private void notify(CheckRecord record, ActionPlan plan, String key) {
        Notices.Council council = services.council();
        if (plan.notifySender() && record.sender().isPresent()) {
            send(() -> services.notices().toSender(record, plan, council), record, key);
        }
        if (plan.notifyClerk()) {
            send(() -> services.notices().heldForClerk(record, key, council), record, key);
        }
    }

    private interface NoticeWriter {
        Notices.Notice write() throws MessagingException;
    }

    /** Sends a notice; one that cannot be written or sent is logged and audited, and never stops the mail. */
    private void send(NoticeWriter writer, CheckRecord record, String key) {
        try {
            getMailetContext().sendMail(writer.write().message());
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("A notice about mail {} could not be sent; the message itself was handled", key, e);
            services.audit().record(new AuditEvent(Instant.now(), "notice-not-sent", key, record.messageId(), record.subject(),
                record.sender(), record.recipients(), Optional.empty(), Optional.empty(), Optional.of(String.valueOf(e.getMessage()))));
        }
    }

    private static String event(ActionPlan plan) {
        return switch (plan.disposition()) {
            case HOLD -> "held";
            case DISCLOSE -> "disclosed";
            case WARN -> "warned";
            case MONITOR -> "monitored";
            case PASS -> "passed";
        };
    }

    @Override
    public String getMailetInfo() {
        return "Correspondence Gateway: holds, discloses, warns or records, by the council's policy";
    }
}
