package org.correspondencegateway.message;

import java.util.Optional;

import org.correspondencegateway.directory.EmailAddress;

/** An address as a header writes it: the address and the display name beside it. */
public record Mailbox(Optional<String> displayName, EmailAddress address) {

    @Override
    public String toString() {
        return displayName.map(name -> name + " <" + address + ">").orElse(address.toString());
    }
}
