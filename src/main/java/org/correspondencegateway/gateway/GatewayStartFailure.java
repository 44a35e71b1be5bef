package org.correspondencegateway.gateway;

/**
 * The embedded gateway could not start. {@link #getMessage()} is one line for the person starting it:
 * what failed and what to change, never a stack trace; the cause keeps the detail for the log.
 */
public final class GatewayStartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    GatewayStartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
