package org.correspondencegateway.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.correspondencegateway.testing.MailBuilder.mail;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.correspondencegateway.memory.CorrespondenceMemory;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.CorrespondenceReader;
import org.correspondencegateway.message.Envelope;
import org.correspondencegateway.testing.Council;
import org.correspondencegateway.testing.Documents;
import org.correspondencegateway.testing.Readers;
import org.junit.jupiter.api.Test;

/** An agenda pack forwarded round the council is read once, however many times it passes. */
class RepeatedAttachmentTest {

    @Test
    void theSecondMessageCarryingTheSame2MbPdfDoesNotCallTikaAgain() throws Exception {
        byte[] pack = Documents.largePdf(2 * 1024 * 1024);
        assertThat(pack.length).isBetween(1_800_000, 2_600_000);
        AtomicInteger tikaCalls = new AtomicInteger();
        AttachmentTextExtractor counted = content -> {
            tikaCalls.incrementAndGet();
            return Readers.tika().extract(content);
        };
        CorrespondenceReader reader = new CorrespondenceReader(Council::directory, new CachingExtractor(counted),
            Readers.spool(), CorrespondenceMemory.NONE);

        Correspondence first = reader.read(new ByteArrayInputStream(mail().from("townclerk@prioryvale-tc.example")
            .to("cllr.okonkwo@prioryvale-tc.example").subject("Agenda pack, Full Council 3 December")
            .text("Please find the agenda pack attached.").attach("agenda-pack.pdf", "application/pdf", pack).bytes()),
            Envelope.of("townclerk@prioryvale-tc.example", List.of("cllr.okonkwo@prioryvale-tc.example")));
        Correspondence forwarded = reader.read(new ByteArrayInputStream(mail().from("cllr.okonkwo@prioryvale-tc.example")
            .to("cllr.reid@prioryvale-tc.example").subject("FW: Agenda pack, Full Council 3 December")
            .text("Rachel, see item 7.").attach("agenda-pack.pdf", "application/pdf", pack).bytes()),
            Envelope.of("cllr.okonkwo@prioryvale-tc.example", List.of("cllr.reid@prioryvale-tc.example")));

        assertThat(tikaCalls).hasValue(1);
        assertThat(first.attachments().get(0).sha256()).isEqualTo(forwarded.attachments().get(0).sha256());
        assertThat(forwarded.attachments().get(0).extraction()).isEqualTo(first.attachments().get(0).extraction())
            .isInstanceOfSatisfying(Extraction.Extracted.class, e -> assertThat(e.text()).contains("Minute 14/26"));
    }
}
