package org.correspondencegateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.correspondencegateway.directory.Role;
import org.correspondencegateway.testing.Readers;
import org.junit.jupiter.api.Test;

/**
 * Messages as Outlook, Gmail and Thunderbird really write them, read into the model: who is who, what
 * the author wrote, what they quoted and whose words those were.
 */
class ClientShapesTest {

    @Test
    void anOutlookReplyFromAnOfficerToACouncillorWithABlindCopyToAnother() {
        Correspondence reply = Readers.read("outlook-reply.eml", "j.hughes@prioryvale-tc.example",
            List.of("cllr.okonkwo@prioryvale-tc.example", "cllr.reid@prioryvale-tc.example", "cllr.price@prioryvale-tc.example"));

        assertThat(reply.sender().party()).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.OFFICER));
        assertThat(reply.sender().disagreements()).isEmpty();
        assertThat(reply.recipients()).extracting(r -> r.party().address().toString() + " " + r.visibility() + " " + r.role())
            .containsExactly(
                "cllr.okonkwo@prioryvale-tc.example TO COUNCILLOR",
                "cllr.reid@prioryvale-tc.example CC COUNCILLOR",
                "cllr.price@prioryvale-tc.example SILENT COUNCILLOR");
        assertThat(reply.subject()).isEqualTo("RE: Bins on Mill Lane");

        assertThat(reply.newText()).isEqualTo("""
            Dear Bola,

            Thank you for raising this. I have asked the contractor to clear the bins on Mill Lane by Friday, and I will let you know when it is done.""");
        assertThat(reply.signature()).hasValueSatisfying(s -> assertThat(s).startsWith("Kind regards,").contains("Deputy Town Clerk"));

        assertThat(reply.thread().reply()).isTrue();
        assertThat(reply.thread().forward()).isFalse();
        assertThat(reply.thread().inReplyTo()).hasValue("PR3P190MB0891A77E2C1D93B4F1C0E5B7B4432@PR3P190MB0891.EURP190.PROD.OUTLOOK.COM");
        assertThat(reply.thread().references()).hasSize(2);
        assertThat(reply.thread().quoted()).hasSize(1);
        QuotedMessage original = reply.thread().quoted().get(0);
        assertThat(original.kind()).isEqualTo(QuotedMessage.Kind.REPLY);
        assertThat(original.from()).hasValueSatisfying(f -> assertThat(f.person()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("b-okonkwo")));
        assertThat(original.to()).extracting(q -> q.person().orElseThrow().id()).containsExactly("j-hughes");
        assertThat(original.cc()).extracting(q -> q.person().orElseThrow().id()).containsExactly("r-reid");
        assertThat(original.sent()).hasValue("20 November 2026 16:42");
        assertThat(original.subject()).hasValue("Bins on Mill Lane");
        assertThat(original.text()).startsWith("Hi Jo,").contains("Could you look into it?").endsWith("Mayor of Priory Vale");
        assertThat(reply.problems()).isEmpty();
    }

    @Test
    void theHtmlAlternativeOfTheSameOutlookReplyReadsTheSame() throws Exception {
        String raw = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/messages/outlook-reply.eml"));
        // drop the plain-text alternative: an HTML-only Outlook message
        String htmlOnly = raw.replaceAll("(?s)--_000_[^\\r\\n]*\\r\\nContent-Type: text/plain.*?(?=--_000_)", "");
        Correspondence reply = Readers.reader().read(new java.io.ByteArrayInputStream(htmlOnly.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            Envelope.of("j.hughes@prioryvale-tc.example", List.of("cllr.okonkwo@prioryvale-tc.example")));

        assertThat(reply.newText()).startsWith("Dear Bola,").endsWith("let you know when it is done.");
        assertThat(reply.signature()).hasValueSatisfying(s -> assertThat(s).contains("Jo Hughes").contains("Deputy Town Clerk"));
        QuotedMessage original = reply.thread().quoted().get(0);
        assertThat(original.from().flatMap(QuotedMessage.QuotedParty::person)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("b-okonkwo"));
        assertThat(original.cc()).extracting(q -> q.person().orElseThrow().id()).containsExactly("r-reid");
        assertThat(original.text()).contains("Could you look into it?");
    }

    @Test
    void aGmailForwardFromACouncillorsPersonalAddress() {
        Correspondence forward = Readers.read("gmail-forward.eml", "rachelreid1968@freemail.example",
            List.of("townclerk@prioryvale-tc.example"));

        assertThat(forward.sender().party()).hasValueSatisfying(p -> {
            assertThat(p.role()).isEqualTo(Role.COUNCILLOR);
            assertThat(p.person().orElseThrow().id()).isEqualTo("r-reid");
        });
        assertThat(forward.thread().forward()).isTrue();
        assertThat(forward.newText()).isEqualTo("Sadia, please see below. Can we discuss at Thursday's meeting?\n\nRachel");
        QuotedMessage resident = forward.thread().quoted().get(0);
        assertThat(resident.kind()).isEqualTo(QuotedMessage.Kind.FORWARD);
        assertThat(resident.from().flatMap(QuotedMessage.QuotedParty::party)).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.THIRD_PARTY));
        assertThat(resident.to()).extracting(q -> q.person().orElseThrow().id()).containsExactly("r-reid");
        assertThat(resident.cc()).extracting(q -> q.person().orElseThrow().id()).containsExactly("g-lloyd");
        assertThat(resident.subject()).hasValue("Parking on Church Street");
        assertThat(resident.text()).startsWith("Dear Councillor Reid,").endsWith("Margaret Patel");
    }

    @Test
    void aThunderbirdFlowedReplyWithASignatureSeparator() {
        Correspondence reply = Readers.read("thunderbird-reply.eml", "cllr.whitlock@prioryvale-tc.example",
            List.of("townclerk@prioryvale-tc.example"));

        assertThat(reply.newText()).isEqualTo("""
            Dear Sadia,

            Thank you. I agree the hall hire charges should go to the Finance Committee in January.""");
        assertThat(reply.signature()).hasValueSatisfying(s -> assertThat(s).startsWith("Best wishes,").contains("Cllr Tom Whitlock"));
        QuotedMessage clerk = reply.thread().quoted().get(0);
        assertThat(clerk.from().flatMap(QuotedMessage.QuotedParty::person)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("s-akhtar"));
        assertThat(clerk.sent()).hasValue("23/11/2026 09:12");
        assertThat(clerk.text()).startsWith("Dear Councillor Whitlock,").contains("take them to the Finance Committee in January");
    }

    @Test
    void aThunderbirdInlineForwardWithItsHeadersTable() {
        Correspondence forward = Readers.read("thunderbird-forward.eml", "l.osei@prioryvale-tc.example",
            List.of("p.dobson@prioryvale-tc.example"));

        assertThat(forward.newText()).isEqualTo("Pat,\n\nFor information, see the note from Councillor Reid below.\n\nLena");
        QuotedMessage councillor = forward.thread().quoted().get(0);
        assertThat(councillor.kind()).isEqualTo(QuotedMessage.Kind.FORWARD);
        assertThat(councillor.from().flatMap(QuotedMessage.QuotedParty::person)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("r-reid"));
        assertThat(councillor.to()).extracting(q -> q.person().orElseThrow().id()).containsExactly("l-osei");
        assertThat(councillor.subject()).hasValue("Play area fencing");
        assertThat(councillor.text()).contains("the fence round the play area on the Green is broken again");
    }

    @Test
    void encodedWordsAndAWindowsCharsetAreDecoded() {
        Correspondence letter = Readers.read("latin1-resident.eml", "j.muller@resident.example", List.of("enquiries@prioryvale-tc.example"));

        assertThat(letter.subject()).isEqualTo("Allotment rent £25");
        assertThat(letter.sender().from()).hasValueSatisfying(f -> assertThat(f.displayName()).hasValue("Jürgen Müller"));
        assertThat(letter.newText()).contains("I enclose the £25 for the allotment rent. Please thank Mrs O’Brien for her help.");
        assertThat(letter.recipients()).extracting(Recipient::role).containsExactly(Role.UNLISTED_COUNCIL_ADDRESS);
    }

    @Test
    void aForgedFromIsReportedAndTheEnvelopeSenderStillCounts() {
        // an officer's mail client sends with a resident's address in From
        Correspondence forged = Readers.read("outlook-reply.eml", "j.hughes@prioryvale-tc.example",
            List.of("cllr.okonkwo@prioryvale-tc.example"));
        assertThat(forged.sender().anyIs(Role.OFFICER)).isTrue();

        Correspondence spoofed = Readers.read("latin1-resident.eml", "p.dobson@prioryvale-tc.example", List.of("enquiries@prioryvale-tc.example"));
        assertThat(spoofed.sender().party()).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.THIRD_PARTY));
        assertThat(spoofed.sender().anyIs(Role.OFFICER)).isTrue();
        assertThat(spoofed.sender().disagreements()).containsExactly(
            "the envelope sender is Pat Dobson, Facilities Manager <p.dobson@prioryvale-tc.example>, but the From header is Jürgen Müller <j.muller@resident.example>");
    }
}
