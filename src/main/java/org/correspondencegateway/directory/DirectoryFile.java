package org.correspondencegateway.directory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.config.YamlSection;
import org.correspondencegateway.config.YamlValue;

/**
 * Reads the directory, {@code conf/directory.yaml}, which the Town Clerk keeps. Every mistake is
 * reported with its line: an unknown role, a malformed address, an address given to two people, a
 * missing or second Clerk, a direct-contact entry naming someone who is not a councillor.
 *
 * <p>Defaults the protocols imply: the Town Clerk and any Deputy Clerk may be approached directly by
 * every councillor; other officers by nobody, unless their {@code direct-contact} says otherwise
 * ("agreed in writing", protocol 001 12.1).
 */
public final class DirectoryFile {
    /** The directory, relative to the gateway's home. */
    public static final Path RELATIVE_PATH = Path.of("conf", "directory.yaml");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private DirectoryFile() {
    }

    public static Directory load(Path file) throws ConfigurationProblem {
        return read(YamlSection.read(file));
    }

    static Directory read(YamlSection root) throws ConfigurationProblem {
        root.allowOnly("council", "domains", "partner-domains", "people");
        String council = root.required("council").asText();
        List<String> domains = domains(root, "domains");
        if (domains.isEmpty()) {
            throw root.problem("domains: list the council's own mail domains, e.g. prioryvale-tc.gov.uk");
        }
        List<String> partnerDomains = domains(root, "partner-domains");

        List<YamlSection> entries = root.sections("people");
        List<Person> people = new ArrayList<>();
        Map<String, YamlSection> idLines = new HashMap<>();
        Map<EmailAddress, YamlValue> addressLines = new HashMap<>();
        Map<String, List<YamlValue>> directContactIds = new HashMap<>();
        String clerkId = null;
        int clerkLine = 0;

        for (YamlSection entry : entries) {
            entry.allowOnly("id", "name", "role", "titles", "addresses", "clerk", "reviewer", "viewer", "known-as",
                "committees", "group", "direct-contact");
            YamlValue idValue = entry.required("id");
            String id = idValue.asText();
            if (!ID.matcher(id).matches()) {
                throw idValue.problem("'" + id + "' is not an id; use lower-case letters, digits and dashes, e.g. b-okonkwo");
            }
            if (idLines.containsKey(id)) {
                throw idValue.problem("the id " + id + " is already used on line " + idLines.get(id).line());
            }
            idLines.put(id, entry);
            Role role = role(entry.required("role"));
            String name = entry.required("name").asText();

            List<EmailAddress> addresses = new ArrayList<>();
            for (YamlValue value : entry.values("addresses")) {
                EmailAddress address = EmailAddress.parse(value.text())
                    .orElseThrow(() -> value.problem("'" + value.text() + "' is not an email address"));
                YamlValue earlier = addressLines.putIfAbsent(address, value);
                if (earlier != null) {
                    throw value.problem(address + " is already listed on line " + earlier.line()
                        + "; one address belongs to one person");
                }
                if (role == Role.PARTNER && domains.stream().anyMatch(address::isIn)) {
                    throw value.problem(address + " is in the council's own domain; a partner is outside the council");
                }
                addresses.add(address);
            }
            if (addresses.isEmpty()) {
                throw entry.problem("people: " + id + " has no addresses; list at least one");
            }

            boolean clerk = entry.value("clerk", YamlValue::asBoolean, false);
            if (clerk) {
                if (role != Role.OFFICER) {
                    throw entry.required("clerk").problem("the reviewing Clerk must be an officer");
                }
                if (clerkId != null) {
                    throw entry.required("clerk").problem("the Clerk is already " + clerkId + " (line " + clerkLine + "); name one");
                }
                clerkId = id;
                clerkLine = entry.line();
            }
            boolean reviewer = entry.value("reviewer", YamlValue::asBoolean, false) || clerk;
            if (reviewer && role != Role.OFFICER) {
                throw entry.required("reviewer").problem("only officers review held mail");
            }
            boolean viewer = entry.value("viewer", YamlValue::asBoolean, false);
            List<String> titles = texts(entry.values("titles"));

            Person.DirectContact directContact = clerk || titles.stream().anyMatch(DirectoryFile::isDeputyClerk)
                ? Person.DirectContact.EVERYONE : Person.DirectContact.NOBODY;
            List<YamlValue> contacts = entry.values("direct-contact");
            if (!contacts.isEmpty()) {
                if (role != Role.OFFICER) {
                    throw contacts.get(0).problem("direct-contact is for officers: which councillors may approach them directly");
                }
                if (contacts.size() == 1 && contacts.get(0).text().trim().equalsIgnoreCase("all")) {
                    directContact = Person.DirectContact.EVERYONE;
                } else {
                    directContactIds.put(id, contacts);
                }
            }

            people.add(new Person(id, name, role, addresses, titles, reviewer, viewer, texts(entry.values("known-as")),
                texts(entry.values("committees")), entry.value("group").map(YamlValue::text).map(String::strip),
                directContact, entry.line()));
        }
        if (clerkId == null) {
            throw root.problem("no one is the reviewing Clerk; add 'clerk: true' to the Town Clerk's entry");
        }

        people = withDirectContacts(people, directContactIds);
        try {
            return new Directory(council, domains, partnerDomains, people, clerkId);
        } catch (IllegalArgumentException e) {
            throw root.problem(e.getMessage());
        }
    }

    private static List<Person> withDirectContacts(List<Person> people, Map<String, List<YamlValue>> directContactIds)
        throws ConfigurationProblem {
        Map<String, Person> byId = new HashMap<>();
        people.forEach(p -> byId.put(p.id(), p));
        List<Person> resolved = new ArrayList<>();
        for (Person person : people) {
            List<YamlValue> contacts = directContactIds.get(person.id());
            if (contacts == null) {
                resolved.add(person);
                continue;
            }
            Set<String> councillors = new HashSet<>();
            for (YamlValue contact : contacts) {
                Person councillor = byId.get(contact.text().trim());
                if (councillor == null || councillor.role() != Role.COUNCILLOR) {
                    throw contact.problem("'" + contact.text() + "' is not the id of a councillor in this directory");
                }
                councillors.add(councillor.id());
            }
            resolved.add(new Person(person.id(), person.name(), person.role(), person.addresses(), person.titles(),
                person.reviewer(), person.viewer(), person.knownAs(), person.committees(), person.group(),
                new Person.DirectContact(false, councillors), person.line()));
        }
        return resolved;
    }

    private static boolean isDeputyClerk(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        return lower.contains("deputy") && lower.contains("clerk");
    }

    private static Role role(YamlValue value) throws ConfigurationProblem {
        return switch (value.text().trim().toLowerCase(Locale.ROOT)) {
            case "councillor", "member" -> Role.COUNCILLOR;
            case "officer", "clerk" -> Role.OFFICER;
            case "partner" -> Role.PARTNER;
            default -> throw value.problem("'" + value.text() + "' is not a role; use councillor, officer or partner");
        };
    }

    private static List<String> domains(YamlSection root, String key) throws ConfigurationProblem {
        List<String> domains = new ArrayList<>();
        for (YamlValue value : root.values(key)) {
            String domain = value.asText().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(domain).matches()) {
                throw value.problem("'" + value.text() + "' is not a mail domain, e.g. prioryvale-tc.gov.uk");
            }
            domains.add(domain);
        }
        return List.copyOf(domains);
    }

    private static List<String> texts(List<YamlValue> values) throws ConfigurationProblem {
        List<String> texts = new ArrayList<>();
        for (YamlValue value : values) {
            texts.add(value.asText());
        }
        return List.copyOf(texts);
    }
}
