package org.correspondencegateway.directory;

/**
 * A listed person named in a piece of text: "Councillor Okonkwo", "Cllr B. Okonkwo", "Bola Okonkwo",
 * a name they are known by, or an office only they hold ("the Mayor").
 *
 * @param person who is named
 * @param words the words as written
 * @param start where the words start in the text
 * @param end where they end (exclusive)
 * @param byOfficeOnly named by an office ("the Mayor") rather than by name
 */
public record NameMention(Person person, String words, int start, int end, boolean byOfficeOnly) {
}
