package org.correspondencegateway.directory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Someone the directory lists: a councillor, an officer or a trusted partner.
 *
 * @param id a short, stable identifier the Clerk chooses, e.g. {@code b-okonkwo}
 * @param name the name in full, e.g. {@code Bola Okonkwo}
 * @param role councillor, officer or partner
 * @param addresses every address they use, council and personal
 * @param titles offices held: Mayor, Chair, Vice-Chair, Town Clerk, Deputy Clerk, RFO, …
 * @param reviewer whether they review held mail (the Town Clerk, and deputies the council names)
 * @param viewer whether they may read the Clerk's console without deciding (e.g. the Chair)
 * @param knownAs other names they go by in correspondence, e.g. {@code Bola}
 * @param committees committees they sit on, e.g. {@code Personnel}
 * @param group their party group, for councillors who belong to one
 * @param directContact for officers: who may approach them directly (protocol 001 12.1)
 * @param line the directory line that describes them, for messages about them
 */
public record Person(String id, String name, Role role, List<EmailAddress> addresses, List<String> titles,
                     boolean reviewer, boolean viewer, List<String> knownAs, List<String> committees, Optional<String> group,
                     DirectContact directContact, int line) {

    public Person {
        addresses = List.copyOf(addresses);
        titles = List.copyOf(titles);
        knownAs = List.copyOf(knownAs);
        committees = List.copyOf(committees);
    }

    /** The surname: the last word of the name. */
    public String surname() {
        String[] words = name.trim().split("\\s+");
        return words[words.length - 1];
    }

    public boolean hasTitle(String title) {
        return titles.stream().anyMatch(t -> t.equalsIgnoreCase(title));
    }

    public boolean sitsOn(String committee) {
        return committees.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).startsWith(committee.toLowerCase(Locale.ROOT)));
    }

    /** "Councillor Bola Okonkwo (Mayor)", "Sadia Akhtar, Town Clerk": how a notice names them. */
    public String describe() {
        String title = titles.isEmpty() ? "" : titles.get(0);
        return switch (role) {
            case COUNCILLOR -> "Councillor " + name + (title.isEmpty() ? "" : " (" + title + ")");
            default -> name + (title.isEmpty() ? "" : ", " + title);
        };
    }

    /**
     * Which councillors may approach an officer directly, "agreed in writing" (protocol 001 12.1,
     * protocol 004 "communications should be made directly with the Town Clerk").
     *
     * @param everyone every councillor may
     * @param councillors the ids of the councillors who may, when not everyone
     */
    public record DirectContact(boolean everyone, Set<String> councillors) {
        public static final DirectContact EVERYONE = new DirectContact(true, Set.of());
        public static final DirectContact NOBODY = new DirectContact(false, Set.of());

        public DirectContact {
            councillors = Set.copyOf(councillors);
        }

        public boolean allows(String councillorId) {
            return everyone || councillors.contains(councillorId);
        }
    }
}
