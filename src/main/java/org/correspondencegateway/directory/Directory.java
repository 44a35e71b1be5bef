package org.correspondencegateway.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Who is who: the council's people (councillors, officers, trusted partners), its domains, and the
 * domains of partners trusted as a whole. It answers, for any address, who it belongs to and in what
 * role; anyone outside the council who is not a partner is a third party.
 *
 * <p>Addresses are matched case-insensitively, exactly first and then without a sub-address
 * ({@code name+tag@domain}); the display name plays no part. Resolutions are cached (Caffeine, bounded
 * at {@value #RESOLUTION_CACHE_SIZE} addresses), so a busy gateway asks each question once.
 *
 * <p>Instances are immutable apart from that cache, and safe to share between threads. A changed
 * directory file gives a new instance ({@link LiveDirectory}).
 */
public final class Directory {
    static final int RESOLUTION_CACHE_SIZE = 50_000;

    private final String council;
    private final List<String> domains;
    private final List<String> partnerDomains;
    private final List<Person> people;
    private final Person clerk;
    private final Map<EmailAddress, Person> byAddress;
    private final Map<String, Person> byId;
    private final NameIndex names;
    private final LoadingCache<EmailAddress, Party> resolutions;

    /**
     * @param council the council's name
     * @param domains the council's own mail domains (their subdomains count too)
     * @param partnerDomains domains whose every address is a trusted partner
     * @param people everyone listed; addresses must be unique, and exactly one must be the clerk
     * @param clerkId the reviewing Clerk's id
     */
    public Directory(String council, List<String> domains, List<String> partnerDomains, List<Person> people, String clerkId) {
        this.council = council;
        this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        this.partnerDomains = partnerDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        this.people = List.copyOf(people);
        Map<EmailAddress, Person> addresses = new HashMap<>();
        Map<String, Person> ids = new HashMap<>();
        for (Person person : people) {
            if (ids.putIfAbsent(person.id(), person) != null) {
                throw new IllegalArgumentException("two people have the id " + person.id());
            }
            for (EmailAddress address : person.addresses()) {
                Person earlier = addresses.putIfAbsent(address, person);
                if (earlier != null) {
                    throw new IllegalArgumentException(address + " belongs to both " + earlier.id() + " and " + person.id());
                }
            }
        }
        this.byAddress = Map.copyOf(addresses);
        this.byId = Map.copyOf(ids);
        this.clerk = Optional.ofNullable(ids.get(clerkId))
            .orElseThrow(() -> new IllegalArgumentException("the clerk " + clerkId + " is not listed"));
        this.names = new NameIndex(people);
        this.resolutions = Caffeine.newBuilder().maximumSize(RESOLUTION_CACHE_SIZE).build(this::resolveUncached);
    }

    public String council() {
        return council;
    }

    public List<String> domains() {
        return domains;
    }

    public List<Person> people() {
        return people;
    }

    /** The Town Clerk who reviews held mail. */
    public Person clerk() {
        return clerk;
    }

    /** The Clerk and anyone else the council has named to review held mail. */
    public List<Person> reviewers() {
        return people.stream().filter(p -> p.reviewer() || p == clerk).toList();
    }

    /** Who may read the Clerk's console without deciding (e.g. the Chair); reviewers read it too. */
    public List<Person> viewers() {
        return people.stream().filter(Person::viewer).toList();
    }

    public List<Person> councillors() {
        return people.stream().filter(p -> p.role() == Role.COUNCILLOR).toList();
    }

    public Optional<Person> person(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Who {@code address} belongs to, and their role. */
    public Party resolve(EmailAddress address) {
        return resolutions.get(address);
    }

    /** Whether {@code address} is in one of the council's own domains. */
    public boolean isCouncilAddress(EmailAddress address) {
        return domains.stream().anyMatch(address::isIn);
    }

    /** The listed people named in {@code text} ("Councillor Okonkwo", "cc: the Mayor"), in order. */
    public List<NameMention> mentions(String text) {
        return names.mentions(text);
    }

    /**
     * The listed person a display name stands for, when it names exactly one: "Bola Okonkwo",
     * "Okonkwo, Bola" (as Outlook writes names), "Cllr Okonkwo". For quoted headers that carry a name
     * but no address; never used to identify a sender or recipient.
     */
    public Optional<Person> personNamed(String displayName) {
        String name = displayName.strip().replaceAll("^[\"']|[\"']$", "");
        int comma = name.indexOf(',');
        if (comma > 0 && name.indexOf(',', comma + 1) < 0) {
            name = name.substring(comma + 1).strip() + " " + name.substring(0, comma).strip();
        }
        String cleaned = name.replaceAll("\\(.*?\\)", "").strip();
        List<NameMention> found = names.mentions(cleaned);
        if (found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == cleaned.length() && !found.get(0).byOfficeOnly()) {
            return Optional.of(found.get(0).person());
        }
        return Optional.empty();
    }

    private Party resolveUncached(EmailAddress address) {
        Person person = byAddress.get(address);
        if (person == null) {
            person = byAddress.get(address.withoutSubaddress());
        }
        if (person != null) {
            return Party.listed(address, person);
        }
        if (isCouncilAddress(address)) {
            return new Party(address, Role.UNLISTED_COUNCIL_ADDRESS, Optional.empty());
        }
        if (partnerDomains.stream().anyMatch(address::isIn)) {
            return new Party(address, Role.PARTNER, Optional.empty());
        }
        return new Party(address, Role.THIRD_PARTY, Optional.empty());
    }
}
