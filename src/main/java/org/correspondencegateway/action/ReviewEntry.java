package org.correspondencegateway.action;

import java.time.Instant;

/**
 * One held or flagged mail as the Town Clerk's review queue lists it: what webadmin's
 * {@code /correspondence-gateway/held} returns, and what the console reads back.
 *
 * @param key its repository key
 * @param since when it was held or flagged
 * @param record what the check found
 * @param outcome its outcome header, e.g. {@code confidential-to-third-party=held}
 */
public record ReviewEntry(String key, Instant since, CheckRecord record, String outcome) {
}
