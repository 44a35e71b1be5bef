package org.correspondencegateway.message;

/** Where in a message some words are: what a finding's evidence points at. */
public enum Location {
    SUBJECT("subject"),
    /** The author's own words in this message, signature excepted. */
    NEW_TEXT("new text"),
    /** The sign-off and signature block at the end of the new text. */
    SIGNATURE("signature"),
    /** Earlier messages quoted or forwarded below the new text. */
    QUOTED_TEXT("quoted text"),
    HEADER("header"),
    ATTACHMENT_NAME("attachment name"),
    ATTACHMENT_TEXT("attachment");

    private final String label;

    Location(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
