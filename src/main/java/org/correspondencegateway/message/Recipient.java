package org.correspondencegateway.message;

import java.util.Optional;

import org.correspondencegateway.directory.Party;
import org.correspondencegateway.directory.Role;

/**
 * One recipient, once: where they appear (To, Cc, or silently), and who they are.
 *
 * @param party the address resolved through the directory
 * @param visibility the most visible place they appear
 * @param displayName the display name the header gave them, if any
 * @param inEnvelope whether the SMTP envelope carries them (a header-only recipient does not receive this copy)
 */
public record Recipient(Party party, Visibility visibility, Optional<String> displayName, boolean inEnvelope) {

    public Role role() {
        return party.role();
    }

    public boolean is(Role role) {
        return party.role() == role;
    }

    public boolean isSilent() {
        return visibility == Visibility.SILENT;
    }
}
