package org.correspondencegateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.correspondencegateway.directory.LiveDirectory;
import org.correspondencegateway.gateway.EmbeddedGateway;
import org.correspondencegateway.gateway.GatewaySettings;
import org.correspondencegateway.testing.ConsoleClient;
import org.correspondencegateway.testing.ConsoleClient.Page;
import org.correspondencegateway.testing.CouncilWithConsole;
import org.correspondencegateway.testing.GatewayHome;
import org.correspondencegateway.testing.Gateways;
import org.correspondencegateway.testing.Letters;
import org.correspondencegateway.testing.Letters.Letter;
import org.correspondencegateway.testing.Mailboxes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;

/**
 * A console beside a James whose webadmin asks for a JSON Web Token ({@code jwt.enabled=true}), as an IT
 * provider running the console next to an existing James would have it: the token's file is named in
 * {@code conf/console.yaml}, and without it the console says it cannot reach the gateway and decides
 * nothing. James itself checks the token (RS256, claim {@code admin: true}) against the public key named
 * in {@code conf/gateway.yaml}.
 */
class WebAdminWithTokenTest {
    private static final String OFFICER = "j.hughes@prioryvale-tc.example";
    private static final String RESIDENT = "m.patel@resident.example";

    @RegisterExtension
    static GreenMailExtension councilMailServer = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @TempDir
    Path home;
    @TempDir
    Path data;

    @Test
    void theConsoleWithTheTokenReviewsHeldMailAndWithoutItDecidesNothing() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        GatewayHome council = GatewayHome.copyOfProject(home);
        Files.writeString(council.path().resolve("conf/webadmin-jwt.pub"), "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Path gatewayYaml = council.path().resolve("conf/gateway.yaml");
        Files.writeString(gatewayYaml, Files.readString(gatewayYaml).replace("  port: 8000\n", "  port: 8000\n  jwt-public-key: conf/webadmin-jwt.pub\n"));
        Files.writeString(council.path().resolve("conf/webadmin.jwt"), Jwts.builder().setSubject("clerks-console").claim("admin", true)
            .setExpiration(java.util.Date.from(Instant.now().plus(Duration.ofHours(1)))).signWith(keys.getPrivate(), SignatureAlgorithm.RS256).compact());

        GatewaySettings settings = Gateways.settings(council.path(), data,
            Optional.of(GatewaySettings.NextHop.plain("127.0.0.1", councilMailServer.getSmtp().getPort())));
        assertThat(settings.webAdmin().jwtPublicKey()).as("read from gateway.yaml").isPresent();
        try (EmbeddedGateway gateway = EmbeddedGateway.start(settings)) {
            String webAdmin = "http://127.0.0.1:" + gateway.webAdminPort();
            HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(webAdmin + "/correspondence-gateway/held"))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bare.statusCode()).as("James refuses a request without a token").isEqualTo(401);

            Letter letter = Letters.letter("letters/confidential-to-resident.eml");
            Gateways.smtp(gateway).send(OFFICER, List.of(RESIDENT), letter.raw());

            try (ClerksConsole without = console(council, settings, webAdmin, false)) {
                ConsoleClient clerk = signedIn(without);
                Page queue = clerk.get("/");
                assertThat(queue.status()).isEqualTo(502);
                assertThat(queue.body()).contains("The gateway cannot be reached just now").contains("401");
            }
            try (ClerksConsole with = console(council, settings, webAdmin, true)) {
                ConsoleClient clerk = signedIn(with);
                String key = awaitHeldRow(clerk, "Your complaint about the allotments");
                clerk.get(key);
                Page released = clerk.post(key + "/release", Map.of("csrf", clerk.csrf(), "note", "Through the token"));
                assertThat(released.location()).hasValue("/?done=released");
                assertThat(new Mailboxes(councilMailServer).awaitMail(letter.messageId(), 1)).extracting(Mailboxes.Copy::recipient)
                    .containsExactly(RESIDENT);
            }
        }
    }

    private static ClerksConsole console(GatewayHome council, GatewaySettings gateway, String webAdmin, boolean withToken) throws Exception {
        Files.writeString(council.path().resolve("conf/console.yaml"), "port: 0\nwebadmin:\n  url: " + webAdmin + "\n"
            + (withToken ? "  token-file: conf/webadmin.jwt\n" : ""));
        ConsoleSettings settings = ConsoleSettingsFile.load(gateway);
        assertThat(settings.webAdminToken().isPresent()).isEqualTo(withToken);
        new PasswordFile(settings.passwordFile()).set(CouncilWithConsole.CLERK, CouncilWithConsole.CLERK_PASSWORD.toCharArray());
        return ClerksConsole.start(settings, LiveDirectory.load(settings.directoryFile()));
    }

    private static ConsoleClient signedIn(ClerksConsole console) throws Exception {
        ConsoleClient clerk = new ConsoleClient(console.url());
        assertThat(clerk.signIn(CouncilWithConsole.CLERK, CouncilWithConsole.CLERK_PASSWORD).status()).isEqualTo(303);
        return clerk;
    }

    /** The held message's page, once the queue lists it. */
    private static String awaitHeldRow(ConsoleClient clerk, String subject) throws Exception {
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("<a href=\"(/held/[^\"]+)\">" + java.util.regex.Pattern.quote(subject) + "</a>");
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            java.util.regex.Matcher found = row.matcher(clerk.get("/").body());
            if (found.find()) {
                return found.group(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not held within 30 s: " + subject);
    }
}
