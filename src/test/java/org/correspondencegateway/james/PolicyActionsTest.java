package org.correspondencegateway.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.correspondencegateway.gateway.EmbeddedGateway;
import org.correspondencegateway.gateway.GatewaySettings;
import org.correspondencegateway.testing.GatewayHome;
import org.correspondencegateway.testing.Gateways;
import org.correspondencegateway.testing.Letters;
import org.correspondencegateway.testing.Letters.Letter;
import org.correspondencegateway.testing.Mailboxes;
import org.correspondencegateway.testing.Mailboxes.Copy;
import org.correspondencegateway.testing.RawMessage;
import org.correspondencegateway.testing.ReviewQueue;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A council sets one action for every rule in its policy (hold, warn, or monitor while it tries the
 * gateway out); the three headline cases, a silent copy, confidential mail to a resident and an
 * acceptance in the Mayor's name, each get that action. (Disclosure, the fourth action, is for silent
 * copies only: {@link ClerkReviewTest} shows it under the shipped policy.)
 */
class PolicyActionsTest {
    private static final String OFFICER = "j.hughes@prioryvale-tc.example";
    private static final String MAYOR = "cllr.okonkwo@prioryvale-tc.example";
    private static final String CLERK = "townclerk@prioryvale-tc.example";
    private static final List<String> RULES = List.of("silent-copy", "confidential-to-third-party", "obligation-in-councillor-name");

    @RegisterExtension
    static GreenMailExtension councilMailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @TempDir
    Path home;
    @TempDir
    Path data;

    /** A headline case: the letter, its envelope, and which rule it breaks. */
    private record Case(String rule, Letter letter, String sender, List<String> recipients) {
    }

    @ParameterizedTest(name = "every rule set to {0}")
    @ValueSource(strings = {"hold", "warn", "monitor"})
    void eachHeadlineRuleGetsTheActionThePolicySays(String action) throws Exception {
        GatewayHome council = GatewayHome.copyOfProject(home);
        RULES.forEach(rule -> council.withAction(rule, action));
        List<Case> cases = List.of(
            new Case("silent-copy", Letters.letter("messages/outlook-reply.eml"), OFFICER,
                List.of(MAYOR, "cllr.reid@prioryvale-tc.example", "cllr.whitlock@prioryvale-tc.example")),
            new Case("confidential-to-third-party", Letters.letter("letters/confidential-to-resident.eml"), OFFICER,
                List.of("m.patel@resident.example")),
            new Case("obligation-in-councillor-name", Letters.letter("letters/acceptance-by-mayor.eml"), MAYOR,
                List.of("dave@grant-surfacing.example")));
        Mailboxes mailboxes = new Mailboxes(councilMailServer);

        try (EmbeddedGateway gateway = Gateways.start(council, data,
            Optional.of(GatewaySettings.NextHop.plain("127.0.0.1", councilMailServer.getSmtp().getPort())))) {
            ReviewQueue clerk = new ReviewQueue(Gateways.webAdmin(gateway));
            for (Case c : cases) {
                Gateways.smtp(gateway).send(c.sender(), c.recipients(), c.letter().raw());
            }

            for (Case c : cases) {
                String outcome = c.rule() + "=" + past(action);
                String messageId = c.letter().messageId();
                switch (action) {
                    case "hold" -> {
                        List<Copy> notices = mailboxes.awaitNotices(messageId, 2);
                        assertThat(notices).extracting(Copy::recipient).containsExactlyInAnyOrder(c.sender(), CLERK);
                        assertThat(mailboxes.mail(messageId)).isEmpty();
                        assertThat(clerk.awaitEntry("held", messageId).get("outcome").asText()).isEqualTo(outcome);
                    }
                    case "warn" -> {
                        List<Copy> delivered = mailboxes.awaitMail(messageId, c.recipients().size());
                        assertDeliveredUnchanged(delivered, c, outcome);
                        List<Copy> notices = mailboxes.awaitNotices(messageId, 1);
                        assertThat(notices).extracting(Copy::recipient).containsExactly(c.sender());
                        assertThat(notices.get(0).text("text/plain")).contains("has been delivered, but it may not follow");
                        assertThat(clerk.awaitEntry("flagged", messageId).get("outcome").asText()).isEqualTo(outcome);
                    }
                    case "monitor" -> {
                        List<Copy> delivered = mailboxes.awaitMail(messageId, c.recipients().size());
                        assertDeliveredUnchanged(delivered, c, outcome);
                        assertThat(mailboxes.notices(messageId)).as("monitor tells nobody").isEmpty();
                        assertThat(clerk.awaitEntry("flagged", messageId).get("outcome").asText()).isEqualTo(outcome);
                    }
                    default -> throw new IllegalArgumentException(action);
                }
                assertThat(clerk.auditOfMessage(messageId)).extracting(e -> e.get("event").asText()).containsExactly(past(action));
            }
        }
    }

    private static void assertDeliveredUnchanged(List<Copy> delivered, Case c, String outcome) {
        assertThat(delivered).extracting(Copy::recipient).containsExactlyInAnyOrderElementsOf(c.recipients());
        RawMessage sent = RawMessage.parse(c.letter().raw());
        for (Copy copy : delivered) {
            assertThat(copy.outcome()).contains(outcome);
            RawMessage arrived = copy.raw();
            assertThat(arrived.fieldsAsSent()).containsExactlyElementsOf(sent.fieldsAsSent());
            assertThat(arrived.body()).isEqualTo(sent.body().substring(0, sent.body().length() - 1));
        }
    }

    private static String past(String action) {
        return switch (action) {
            case "hold" -> "held";
            case "warn" -> "warned";
            case "monitor" -> "monitored";
            default -> throw new IllegalArgumentException(action);
        };
    }
}
