package org.correspondencegateway.rules;

/** How serious a finding is, for ordering the Clerk's queue. */
public enum Severity {
    /** Mail that must not go out as it stands: a confidential marking to a third party, an obligation in a councillor's name. */
    HIGH,
    /** A breach the protocol asks to be put right: a silent copy. */
    MEDIUM,
    /** Worth the sender's attention. */
    LOW
}
