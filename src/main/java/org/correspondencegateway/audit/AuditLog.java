package org.correspondencegateway.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where every check outcome and every decision is recorded, in order, for good. Implementations are
 * thread-safe and durable: {@link #record} returns only once the event is safely written. One gateway
 * uses {@link JsonLinesAuditLog}; a cluster would implement this over its shared database.
 */
public interface AuditLog {

    void record(AuditEvent event);

    /** Every event about one mail, oldest first. */
    default List<AuditEvent> forMail(String mailKey) {
        return forMails(Set.of(mailKey)).getOrDefault(mailKey, List.of());
    }

    /** Every event about each of these mails, oldest first; a mail without events has no entry. */
    Map<String, List<AuditEvent>> forMails(Set<String> mailKeys);

    /** The latest {@code limit} events, newest first. */
    List<AuditEvent> latest(int limit);
}
