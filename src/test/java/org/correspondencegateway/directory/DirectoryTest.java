package org.correspondencegateway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.correspondencegateway.testing.Council;
import org.junit.jupiter.api.Test;

/** The directory answers "who is this?" for any address, by address alone. */
class DirectoryTest {
    private final Directory directory = Council.directory();

    @Test
    void aCouncillorIsKnownByEveryAddressTheyUseInAnyCase() {
        for (String address : new String[] {"cllr.okonkwo@prioryvale-tc.example", "Bola.Okonkwo@HomeMail.example", "CLLR.OKONKWO@PRIORYVALE-TC.EXAMPLE"}) {
            Party party = directory.resolve(EmailAddress.of(address));
            assertThat(party.role()).isEqualTo(Role.COUNCILLOR);
            assertThat(party.person()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("b-okonkwo"));
        }
    }

    @Test
    void aSubaddressReachesTheSamePersonAndCannotNameAnother() {
        assertThat(directory.resolve(EmailAddress.of("townclerk+planning@prioryvale-tc.example")).person())
            .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("s-akhtar"));
        assertThat(directory.resolve(EmailAddress.of("townclerk+cllr.okonkwo@prioryvale-tc.example")).person())
            .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("s-akhtar"));
    }

    @Test
    void aDisplayNameCannotPassAnOutsiderOffAsACouncillor() {
        // "Cllr Bola Okonkwo <spoof@freemail.example>": only the address counts
        assertThat(directory.resolve(EmailAddress.of("spoof@freemail.example")).role()).isEqualTo(Role.THIRD_PARTY);
    }

    @Test
    void aLookAlikeDomainIsAThirdParty() {
        // Cyrillic "і" in place of the Latin "i": a different domain once in ASCII
        assertThat(directory.resolve(EmailAddress.of("townclerk@prіoryvale-tc.example")).role()).isEqualTo(Role.THIRD_PARTY);
        assertThat(directory.resolve(EmailAddress.of("townclerk@prioryvale-tc.example.evil.example")).role()).isEqualTo(Role.THIRD_PARTY);
    }

    @Test
    void rolesOutsideTheCouncil() {
        assertThat(directory.resolve(EmailAddress.of("monitoring.officer@centralshire.example")).role()).isEqualTo(Role.PARTNER);
        assertThat(directory.resolve(EmailAddress.of("planning@centralshire.example")).role()).as("a partner domain").isEqualTo(Role.PARTNER);
        assertThat(directory.resolve(EmailAddress.of("k.bennett@hartley-law.example")).role()).isEqualTo(Role.PARTNER);
        assertThat(directory.resolve(EmailAddress.of("someone.else@hartley-law.example")).role()).isEqualTo(Role.THIRD_PARTY);
        assertThat(directory.resolve(EmailAddress.of("enquiries@prioryvale-tc.example")).role()).isEqualTo(Role.UNLISTED_COUNCIL_ADDRESS);
        assertThat(directory.resolve(EmailAddress.of("m.patel@resident.example")).role()).isEqualTo(Role.THIRD_PARTY);
    }

    @Test
    void theClerkAndDeputyReviewAndAreOpenToEveryCouncillor() {
        assertThat(directory.clerk().id()).isEqualTo("s-akhtar");
        assertThat(directory.reviewers()).extracting(Person::id).containsExactlyInAnyOrder("s-akhtar", "j-hughes");
        assertThat(directory.person("j-hughes").orElseThrow().directContact().allows("t-whitlock")).isTrue();
        Person facilities = directory.person("p-dobson").orElseThrow();
        assertThat(facilities.directContact().allows("r-reid")).isTrue();
        assertThat(facilities.directContact().allows("t-whitlock")).isFalse();
        assertThat(directory.person("l-osei").orElseThrow().directContact().allows("r-reid")).isFalse();
    }

    @Test
    void findsCouncillorsNamedTheWayCorrespondenceNamesThem() {
        String foot = """
            CC Councillor Okonkwo
            cc: Cllr Reid
            copied to Councillor Hannah Price and Cllr. T. Whitlock
            This email has also been sent to Ann O’Brien and the Town Clerk.
            """;

        assertThat(directory.mentions(foot)).extracting(m -> m.person().id())
            .containsExactly("b-okonkwo", "r-reid", "h-price", "t-whitlock", "a-obrien", "s-akhtar");
        assertThat(directory.mentions(foot)).extracting(NameMention::words)
            .containsExactly("Councillor Okonkwo", "Cllr Reid", "Councillor Hannah Price", "Cllr. T. Whitlock", "Ann O’Brien", "the Town Clerk");
    }

    @Test
    void doesNotMistakeOrdinaryWordsForPeople() {
        assertThat(directory.mentions("The reed beds by the price list need the Council's attention; Lloyds Bank wrote.")).isEmpty();
        assertThat(directory.mentions("Councillor Smith")).as("not a councillor here").isEmpty();
        assertThat(directory.mentions("Councillor Rachel Okonkwo")).as("first name and surname of different people")
            .isEmpty();
    }

    @Test
    void aQuotedHeaderNameInOutlooksSurnameFirstFormIsRecognised() {
        assertThat(directory.personNamed("Okonkwo, Bola")).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("b-okonkwo"));
        assertThat(directory.personNamed("\"Cllr Rachel Reid\"")).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("r-reid"));
        assertThat(directory.personNamed("Rachel")).isEmpty();
        assertThat(directory.personNamed("Bola Okonkwo and friends")).isEmpty();
    }
}
