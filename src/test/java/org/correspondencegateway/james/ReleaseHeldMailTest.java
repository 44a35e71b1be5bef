package org.correspondencegateway.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.correspondencegateway.action.ActionPlan;
import org.correspondencegateway.action.Notices;
import org.correspondencegateway.action.ReleaseLedger;
import org.correspondencegateway.audit.AuditEvent;
import org.correspondencegateway.audit.JsonLinesAuditLog;
import org.correspondencegateway.directory.LiveDirectory;
import org.correspondencegateway.memory.CorrespondenceMemory;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.policy.PolicyFile;
import org.correspondencegateway.rules.HeadlineRules;
import org.correspondencegateway.rules.obligation.EnglishReader;
import org.correspondencegateway.testing.Readers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release processor's mailet, as the spool hands it copies of released mail: the Clerk releases a
 * held letter; the gateway is killed after the copy went on the spool but before the release was
 * recorded, so after the restart the letter still looks held and the Clerk releases it again. Two
 * copies now reach the release processor: the first goes on, the second is kept back.
 */
class ReleaseHeldMailTest {
    private static final String KEY = "Mail1763900000000-1f2e";

    @TempDir
    Path data;

    private GatewayServices services;
    private ReleaseHeldMail releaseProcessor;

    @BeforeEach
    void theGatewaysServices() throws Exception {
        Policy policy = PolicyFile.load(Path.of("conf/policy.yaml"));
        services = new GatewayServices(LiveDirectory.load(Path.of("conf/directory.yaml")), policy, Readers.reader(),
            HeadlineRules.check(policy, new EnglishReader()), CorrespondenceMemory.NONE, new JsonLinesAuditLog(data.resolve("audit.jsonl")),
            new Notices(Path.of("conf/notices"), () -> postmaster()),
            new GatewayRepositories(MailRepositoryUrl.from(GatewayRepositories.HELD), MailRepositoryUrl.from(GatewayRepositories.FLAGGED)),
            "http://127.0.0.1:8080", new ReleaseLedger(data.resolve("releases")));
        releaseProcessor = new ReleaseHeldMail(services);
    }

    @Test
    void theFirstReleaseIsDeliveredAndASecondReleaseAfterACrashIsKeptBack() throws Exception {
        Mail firstRelease = releasedCopy("release-before-the-crash");
        releaseProcessor.service(firstRelease);
        assertThat(firstRelease.getState()).as("on to transport").isEqualTo(HeldMail.RELEASED);
        assertThat(firstRelease.getMessage().getHeader(ActionPlan.HEADER, ", ")).isEqualTo("confidential-to-third-party=released");

        Mail sameCopyAgain = releasedCopy("release-before-the-crash");
        releaseProcessor.service(sameCopyAgain);
        assertThat(sameCopyAgain.getState()).as("the spool gave the same copy back: it must not be lost").isEqualTo(HeldMail.RELEASED);

        Mail secondRelease = releasedCopy("release-after-the-restart");
        releaseProcessor.service(secondRelease);
        assertThat(secondRelease.getState()).isEqualTo(ReleaseHeldMail.SECOND_RELEASE);
        assertThat(secondRelease.getMessage().getHeader(ActionPlan.HEADER, ", ")).as("left as it was held").isEqualTo("confidential-to-third-party=held");
        assertThat(services.audit().forMail(KEY)).extracting(AuditEvent::event).containsExactly("second-release-kept");
    }

    @Test
    void mailReleasedBeforeReleasesHadIdsStillGoesOn() throws Exception {
        Mail released = FakeMail.builder().name(KEY).mimeMessage(letter()).sender("j.hughes@prioryvale-tc.example")
            .recipient("m.patel@resident.example").state(HeldMail.RELEASED).build();
        releaseProcessor.service(released);
        assertThat(released.getState()).isEqualTo(HeldMail.RELEASED);
        assertThat(services.audit().forMail(KEY)).isEmpty();
    }

    private Mail releasedCopy(String releaseId) throws Exception {
        Mail copy = FakeMail.builder().name(KEY).mimeMessage(letter()).sender("j.hughes@prioryvale-tc.example")
            .recipient("m.patel@resident.example").state(HeldMail.RELEASED).build();
        ReleaseHeldMail.identify(copy, releaseId);
        return copy;
    }

    private static MimeMessage letter() throws Exception {
        MimeMessage letter = new MimeMessage(Session.getInstance(new Properties()));
        letter.setFrom("j.hughes@prioryvale-tc.example");
        letter.setRecipients(MimeMessage.RecipientType.TO, "m.patel@resident.example");
        letter.setSubject("Staffing review");
        letter.setText("CONFIDENTIAL - Personnel Committee only.");
        letter.setHeader(ActionPlan.HEADER, "confidential-to-third-party=held");
        letter.saveChanges();
        return letter;
    }

    private static InternetAddress postmaster() {
        try {
            return new InternetAddress("postmaster@gateway.localhost");
        } catch (javax.mail.internet.AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
