package org.correspondencegateway.policy;

import java.util.Locale;
import java.util.Optional;

/** What the gateway does with a message a rule has found something in. */
public enum Action {
    /** The message waits for the Town Clerk, who releases or rejects it. */
    HOLD,
    /** The message is delivered; the sender is told and the Clerk can see it. */
    WARN,
    /** Silent copies only: the gateway discloses the copies at the foot, delivers, and tells the sender. */
    DISCLOSE,
    /** Recorded for the Clerk only. */
    MONITOR;

    public static Optional<Action> named(String name) {
        for (Action action : values()) {
            if (action.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** The lower-case name, as written in the policy and in the outcome header. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
