package org.correspondencegateway.rules;

import java.util.List;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.message.Correspondence;

/**
 * One protocol rule. It reads the message model and the directory, and knows nothing of James.
 * Implementations are stateless and thread-safe.
 */
public interface ProtocolRule {

    /** A short stable id, used in the policy and in the outcome header, e.g. {@code silent-copy}. */
    String id();

    /** The paragraphs it enforces. */
    List<ProtocolReference> enforces();

    /** Its findings on {@code message}: none when it is compliant. */
    List<Finding> check(Correspondence message, Directory directory);
}
