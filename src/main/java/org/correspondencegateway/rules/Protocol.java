package org.correspondencegateway.rules;

/**
 * The member/officer protocols the gateway enforces, in {@code ../shared/protocols/} (indexed by its
 * README). Every rule cites the file and paragraphs it enforces.
 */
public enum Protocol {
    TOWN_COUNCIL_2024("000_fbcb302b638d596d.txt", "a town council's protocol (October 2024)"),
    PRINCIPAL_COUNCIL_PART_5C("001_ad71642fe732859d.txt", "a principal council's constitution, Part 5C"),
    HALSTEAD("002_dbc5041a0fb2cec5.txt", "Halstead Town Council's protocol"),
    ALVECHURCH("003_9ada6b22e56820e6.txt", "Alvechurch Parish Council's protocol"),
    DUNSTABLE("004_67db9816b9dd2982.txt", "Dunstable Town Council's protocol");

    private final String file;
    private final String description;

    Protocol(String file, String description) {
        this.file = file;
        this.description = description;
    }

    /** The protocol's file name in {@code ../shared/protocols/}. */
    public String file() {
        return file;
    }

    public String description() {
        return description;
    }
}
