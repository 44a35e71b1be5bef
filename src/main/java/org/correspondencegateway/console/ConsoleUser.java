package org.correspondencegateway.console;

import java.util.Optional;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.Person;

/**
 * Someone who may sign in to the console, as the directory names them.
 *
 * @param id their directory id, which is also their sign-in name
 * @param name their name, shown on every page
 * @param role what they may do
 */
public record ConsoleUser(String id, String name, Role role) {

    /** What a console user may do. */
    public enum Role {
        /** The Clerk and deputies: release, reject, acknowledge. */
        REVIEWER,
        /** Read only, e.g. the Chair. */
        VIEWER;

        public String label() {
            return this == REVIEWER ? "reviewer" : "viewer (read only)";
        }
    }

    public boolean mayDecide() {
        return role == Role.REVIEWER;
    }

    /** The console user {@code id} is in {@code directory}: a reviewer, else a viewer, else nobody. */
    public static Optional<ConsoleUser> of(Directory directory, String id) {
        Optional<Person> reviewer = directory.reviewers().stream().filter(p -> p.id().equals(id)).findFirst();
        if (reviewer.isPresent()) {
            return Optional.of(new ConsoleUser(id, reviewer.get().name(), Role.REVIEWER));
        }
        return directory.viewers().stream().filter(p -> p.id().equals(id)).findFirst()
            .map(p -> new ConsoleUser(id, p.name(), Role.VIEWER));
    }
}
