package org.correspondencegateway.action;

/** What happens to a message as a whole, from least to most restrictive. */
public enum Disposition {
    /** Delivered untouched; nothing found. */
    PASS,
    /** Delivered untouched; recorded for the Clerk only. */
    MONITOR,
    /** Delivered; the sender is told. */
    WARN,
    /** Delivered with its silent copies disclosed at the foot; the sender is told. */
    DISCLOSE,
    /** Not delivered: it waits for the Town Clerk; the sender is told. */
    HOLD
}
