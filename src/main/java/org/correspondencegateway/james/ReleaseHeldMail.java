package org.correspondencegateway.james;

import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.correspondencegateway.action.ActionPlan;
import org.correspondencegateway.action.CheckRecord;
import org.correspondencegateway.action.ReleaseLedger;
import org.correspondencegateway.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through, once, a message the Town Clerk released from the held repository, and marks it: its
 * {@value ActionPlan#HEADER} header says {@code released} where it said {@code held}. The release itself
 * (taking the mail out of the held repository and auditing it) is done by {@link HeldMail}; this mailet
 * runs in the processor that service hands the mail to.
 *
 * <p>Each release carries an id ({@link #RELEASE_ID}). The first copy of a held mail to get here is
 * recorded in the {@link ReleaseLedger}; a copy of the same mail from another release (the gateway
 * stopped between putting the first on the spool and recording the release, so the mail still looked
 * held, and the Clerk released it again) is not delivered a second time: it goes to the
 * {@value #SECOND_RELEASE} processor, which keeps it, and the audit log says so. The same copy seen
 * again after a crash has the same id and goes on. A ledger that cannot be written fails the mail into
 * James's error processor, where it is kept.
 *
 * <p>Configuration: none. The ledger comes from {@link CorrespondenceGatewayModule}.
 *
 * <pre>{@code
 * <processor state="protocol-released">
 *     <mailet match="All" class="org.correspondencegateway.james.ReleaseHeldMail"/>
 *     <mailet match="All" class="ToProcessor"><processor>transport</processor></mailet>
 * </processor>
 * <processor state="protocol-second-release">
 *     <mailet match="All" class="ToRepository"><repositoryPath>file://var/mail/second-release/</repositoryPath></mailet>
 * </processor>
 * }</pre>
 */
public final class ReleaseHeldMail extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReleaseHeldMail.class);
    /** The mail attribute carrying the id of the release that put this copy on the spool. */
    public static final AttributeName RELEASE_ID = AttributeName.of("correspondence-gateway.release");
    /** Where a second release of an already released mail goes instead of being delivered again. */
    public static final String SECOND_RELEASE = "protocol-second-release";

    private final GatewayServices services;

    @Inject
    public ReleaseHeldMail(GatewayServices services) {
        this.services = services;
    }

    /** Gives a released copy the id of its release. */
    static void identify(Mail copy, String releaseId) {
        copy.setAttribute(new Attribute(RELEASE_ID, AttributeValue.of(releaseId)));
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<String> releaseId = mail.getAttribute(RELEASE_ID).map(a -> String.valueOf(a.getValue().getValue()));
        if (releaseId.isPresent() && services.releases().admit(mail.getName(), releaseId.get()) == ReleaseLedger.Admission.SECOND_RELEASE) {
            LOGGER.warn("Mail {} was released twice (the gateway stopped during the first release); the second copy is kept in {}, not delivered",
                mail.getName(), SECOND_RELEASE);
            CheckRecord record = HeldMail.record(mail);
            services.audit().record(new AuditEvent(Instant.now(), "second-release-kept", mail.getName(), record.messageId(), record.subject(),
                record.sender(), record.recipients(), Optional.empty(), Optional.empty(),
                Optional.of("released before the gateway stopped; this second release was not delivered")));
            mail.setState(SECOND_RELEASE);
            return;
        }
        String outcome = mail.getMessage().getHeader(ActionPlan.HEADER, "; ");
        OutcomeField.set(mail, ActionPlan.HEADER, outcome == null ? "released" : outcome.replace("=held", "=released"));
    }

    @Override
    public String getMailetInfo() {
        return "Correspondence Gateway: lets through, once, mail the Town Clerk released";
    }
}
