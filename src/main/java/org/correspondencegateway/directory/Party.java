package org.correspondencegateway.directory;

import java.util.Optional;

/**
 * An address as the directory sees it: who it belongs to, if anyone listed, and their role.
 *
 * @param address the address
 * @param role the role; {@link Role#THIRD_PARTY} for anyone outside the council and not trusted
 * @param person the listed person, when there is one
 */
public record Party(EmailAddress address, Role role, Optional<Person> person) {

    public static Party listed(EmailAddress address, Person person) {
        return new Party(address, person.role(), Optional.of(person));
    }

    public boolean is(Role wanted) {
        return role == wanted;
    }

    /** Whether this is the same listed person as {@code other} (two addresses of one councillor, say). */
    public boolean samePersonAs(Party other) {
        return person.isPresent() && other.person.isPresent() && person.get().id().equals(other.person.get().id());
    }

    /** "Councillor Bola Okonkwo (b.okonkwo@…)" or "m.patel@resident.example (third party)". */
    public String describe() {
        return person.map(p -> p.describe() + " <" + address + ">").orElse(address + " (" + role.label() + ")");
    }
}
