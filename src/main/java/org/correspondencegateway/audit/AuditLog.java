package org.correspondencegateway.audit;

import java.util.List;

/**
 * Where every check outcome and every decision is recorded, in order, for good. Implementations are
 * thread-safe and durable: {@link #record} returns only once the event is safely written. One gateway
 * uses {@link JsonLinesAuditLog}; a cluster would implement this over its shared database.
 */
public interface AuditLog {

    void record(AuditEvent event);

    /** Every event about one mail, oldest first. */
    List<AuditEvent> forMail(String mailKey);

    /** The latest {@code limit} events, newest first. */
    List<AuditEvent> latest(int limit);
}
