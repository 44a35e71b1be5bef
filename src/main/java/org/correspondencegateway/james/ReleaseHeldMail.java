package org.correspondencegateway.james;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.correspondencegateway.action.ActionPlan;

/**
 * Marks a message the Town Clerk released from the held repository: its {@value ActionPlan#HEADER}
 * header says {@code released} where it said {@code held}. The release itself (taking the mail out of the
 * held repository, exactly once, and auditing it) is done by {@link HeldMail}; this mailet runs in the
 * processor that service hands the mail to.
 *
 * <p>Configuration: none.
 *
 * <pre>{@code
 * <processor state="protocol-released">
 *     <mailet match="All" class="org.correspondencegateway.james.ReleaseHeldMail"/>
 *     <mailet match="All" class="ToProcessor"><processor>transport</processor></mailet>
 * </processor>
 * }</pre>
 */
public final class ReleaseHeldMail extends GenericMailet {

    @Override
    public void service(Mail mail) throws MessagingException {
        String outcome = mail.getMessage().getHeader(ActionPlan.HEADER, "; ");
        OutcomeField.set(mail, ActionPlan.HEADER, outcome == null ? "released" : outcome.replace("=held", "=released"));
    }

    @Override
    public String getMailetInfo() {
        return "Correspondence Gateway: marks mail the Town Clerk released";
    }
}
