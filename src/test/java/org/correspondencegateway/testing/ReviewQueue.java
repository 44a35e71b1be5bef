package org.correspondencegateway.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Town Clerk's review queue as a test reaches it: the gateway's webadmin routes under
 * {@code /correspondence-gateway}, called over HTTP.
 */
public final class ReviewQueue {
    public static final String ROUTES = "/correspondence-gateway";

    private final WebAdmin webAdmin;

    public ReviewQueue(WebAdmin webAdmin) {
        this.webAdmin = webAdmin;
    }

    /** Waits until the message sent with {@code messageId} is in {@code queue} (held or flagged); returns its entry. */
    public JsonNode awaitEntry(String queue, String messageId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode entry : webAdmin.json(ROUTES + "/" + queue).body()) {
                if (entry.at("/record/messageId").asText().equals(messageId)) {
                    return Optional.of(entry);
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent).orElseThrow();
    }

    /** The key of the held message sent with {@code messageId}, once it is held. */
    public String awaitHeld(String messageId) {
        return awaitEntry("held", messageId).get("key").asText();
    }

    /** The key of the flagged message sent with {@code messageId}, once it is flagged. */
    public String awaitFlagged(String messageId) {
        return awaitEntry("flagged", messageId).get("key").asText();
    }

    /** The keys of every held message. */
    public List<String> heldKeys() throws Exception {
        List<String> keys = new ArrayList<>();
        webAdmin.json(ROUTES + "/held").body().forEach(entry -> keys.add(entry.get("key").asText()));
        return keys;
    }

    /** One held or flagged message: its entry and audit trail. */
    public WebAdmin.Answer detail(String queue, String key) throws Exception {
        return webAdmin.json(ROUTES + "/" + queue + "/" + WebAdmin.encode(key));
    }

    /** The held or flagged message itself. */
    public String message(String queue, String key) throws Exception {
        return webAdmin.text(ROUTES + "/" + queue + "/" + WebAdmin.encode(key) + "/message");
    }

    /** A decision (release, reject, acknowledge) on a message of {@code queue}, with its JSON body. */
    public WebAdmin.Answer decide(String queue, String key, String decision, Map<String, String> body) throws Exception {
        return webAdmin.post(ROUTES + "/" + queue + "/" + WebAdmin.encode(key) + "/" + decision, body);
    }

    public WebAdmin.Answer release(String key, String reviewer) throws Exception {
        return decide("held", key, "release", Map.of("reviewer", reviewer));
    }

    /** The audit events about the mail with {@code key}, oldest first. */
    public List<JsonNode> auditOfMail(String key) throws Exception {
        return audit(event -> event.get("mailKey").asText().equals(key));
    }

    /** The audit events about the message sent with {@code messageId}, oldest first. */
    public List<JsonNode> auditOfMessage(String messageId) throws Exception {
        return audit(event -> event.path("messageId").asText().equals(messageId));
    }

    private List<JsonNode> audit(Predicate<JsonNode> which) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        webAdmin.json(ROUTES + "/audit?limit=10000").body().forEach(event -> {
            if (which.test(event)) {
                events.add(0, event);
            }
        });
        return events;
    }

    public JsonNode status() throws Exception {
        return webAdmin.json(ROUTES + "/status").body();
    }

    /** The Message-IDs (without angle brackets) of every held message. */
    public java.util.Set<String> heldMessageIds() throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        list("held").forEach(entry -> ids.add(entry.at("/record/messageId").asText()));
        return ids;
    }

    public JsonNode list(String queue) throws Exception {
        return webAdmin.json(ROUTES + "/" + queue).body();
    }
}
