package org.correspondencegateway.directory;

/**
 * What a party to correspondence is, in the protocols' terms.
 */
public enum Role {
    /** An elected member of the council ("member" in Part 5C). */
    COUNCILLOR("councillor"),
    /** An employee of the council, the Clerk included. */
    OFFICER("officer"),
    /**
     * Outside the council but trusted with its correspondence: the principal council's Monitoring
     * Officer, the internal auditor, legal advisers. Not a third party.
     */
    PARTNER("partner"),
    /** An address in a council domain that the directory does not list: a shared mailbox, or a new starter. */
    UNLISTED_COUNCIL_ADDRESS("council address not in the directory"),
    /** Anyone else: residents, complainants, contractors, the press. */
    THIRD_PARTY("third party");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The role in plain words, as a Town Clerk would say it. */
    public String label() {
        return label;
    }

    /** Inside the council: councillors, officers and unlisted council addresses. */
    public boolean isInsideCouncil() {
        return this == COUNCILLOR || this == OFFICER || this == UNLISTED_COUNCIL_ADDRESS;
    }
}
