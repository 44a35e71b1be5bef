package org.correspondencegateway.message;

/** How a recipient was addressed, and so who else can see that they received the message. */
public enum Visibility {
    TO("To"),
    CC("Cc"),
    /** In the envelope but not in To or Cc (a blind copy), or named in a stray Bcc header. */
    SILENT("blind copy");

    private final String label;

    Visibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
