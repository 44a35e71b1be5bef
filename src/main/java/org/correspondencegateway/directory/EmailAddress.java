package org.correspondencegateway.directory;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * An email address reduced to what identifies a mailbox: matched case-insensitively, with the domain
 * in its ASCII (punycode) form, so that a look-alike domain written in other scripts never equals a
 * council domain. Display names are not part of it: a display name cannot make one person pass for
 * another.
 *
 * @param local the local part, lower-cased
 * @param domain the domain, lower-cased ASCII
 */
public record EmailAddress(String local, String domain) {

    public EmailAddress {
        if (local.isEmpty() || domain.isEmpty()) {
            throw new IllegalArgumentException("an address needs a local part and a domain");
        }
    }

    /**
     * Parses a bare address ({@code name@domain}, optionally in angle brackets); empty when it is not
     * one, e.g. a group syntax, an address without a domain, or a domain IDN rejects.
     */
    public static Optional<EmailAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == ',')) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        try {
            String ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            if (ascii.isEmpty() || ascii.startsWith(".") || ascii.contains("..")) {
                return Optional.empty();
            }
            return Optional.of(new EmailAddress(local.toLowerCase(Locale.ROOT), ascii));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses an address that must be valid, e.g. one written in the directory. */
    public static EmailAddress of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an email address"));
    }

    /**
     * The same mailbox without its sub-address ({@code name+tag@domain} is {@code name@domain}): mail to
     * either reaches one person, so both identify them, and a tag cannot name someone else.
     */
    public EmailAddress withoutSubaddress() {
        int plus = local.indexOf('+');
        return plus > 0 ? new EmailAddress(local.substring(0, plus), domain) : this;
    }

    /** Whether this address is in {@code domainName} or one of its subdomains. */
    public boolean isIn(String domainName) {
        return domain.equals(domainName) || domain.endsWith("." + domainName);
    }

    @Override
    public String toString() {
        return local + "@" + domain;
    }
}
