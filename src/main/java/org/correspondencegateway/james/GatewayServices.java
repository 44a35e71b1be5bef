package org.correspondencegateway.james;

import org.correspondencegateway.action.Notices;
import org.correspondencegateway.action.ReleaseLedger;
import org.correspondencegateway.audit.AuditLog;
import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.LiveDirectory;
import org.correspondencegateway.directory.Person;
import org.correspondencegateway.memory.CorrespondenceMemory;
import org.correspondencegateway.message.CorrespondenceReader;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.rules.ProtocolCheck;

/**
 * Everything the gateway's mailets and webadmin routes share: one of each per James server, built by
 * {@link CorrespondenceGatewayModule}. Plain Java services; this record only holds them together.
 *
 * @param directory who is who, re-read when the file changes
 * @param policy the council's policy
 * @param reader builds the message model
 * @param rules the protocol rules
 * @param memory recent correspondence
 * @param audit the audit log
 * @param notices the notices' writer
 * @param repositories where held and flagged mail are kept
 * @param consoleUrl where the Clerk's console is, for links in notifications
 * @param releases which release of each held mail went on to delivery
 */
public record GatewayServices(LiveDirectory directory, Policy policy, CorrespondenceReader reader, ProtocolCheck rules,
                              CorrespondenceMemory memory, AuditLog audit, Notices notices, GatewayRepositories repositories,
                              String consoleUrl, ReleaseLedger releases) {

    /** The council, its Clerk and the console, as the notices name them. */
    public Notices.Council council() {
        Directory people = directory.current();
        Person clerk = people.clerk();
        return new Notices.Council(people.council(), clerk.name(), clerk.addresses().get(0).toString(), consoleUrl);
    }
}
