package org.correspondencegateway.rules;

import org.correspondencegateway.message.Location;
import org.correspondencegateway.message.TextSegment;

/**
 * What a finding rests on: the exact words, where they are, and why they matter.
 *
 * @param words the words as they appear in the message (a sentence, a marking, an address)
 * @param location where in the message
 * @param where the place described for a person: "attachment minutes.pdf, page 2", "quoted text (From: …)"
 * @param why why these words matter to the rule
 */
public record Evidence(String words, Location location, String where, String why) {

    public static Evidence in(TextSegment segment, String words, String why) {
        return new Evidence(words, segment.location(), segment.describe(), why);
    }

    public static Evidence of(Location location, String words, String why) {
        return new Evidence(words, location, location.label(), why);
    }
}
