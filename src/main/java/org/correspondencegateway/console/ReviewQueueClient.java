package org.correspondencegateway.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.correspondencegateway.action.ReviewEntry;
import org.correspondencegateway.audit.AuditEvent;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The review queue as the console reaches it: James's webadmin routes under
 * {@code /correspondence-gateway} (see {@code ProtocolRoutes}), over HTTP, so that the console serves the
 * embedded gateway and a remote James alike. Holds no state of its own.
 *
 * <p>Every call either returns what webadmin answered or throws {@link Unavailable} (webadmin cannot be
 * reached, or answered with an error) with a sentence the console can show.
 */
public final class ReviewQueueClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param webAdmin webadmin's base address, e.g. {@code http://127.0.0.1:8000}
     * @param token a JSON Web Token sent as {@code Authorization: Bearer}, for a webadmin that asks for one
     */
    public ReviewQueueClient(URI webAdmin, Optional<String> token) {
        this.base = URI.create(webAdmin.toString().replaceAll("/+$", "") + "/correspondence-gateway/");
        this.token = token;
    }

    /** webadmin could not be reached, or refused: {@code status} is its HTTP status, 0 when unreachable. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Unavailable(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** One held or flagged mail with its audit trail. */
    public record Detail(ReviewEntry entry, List<AuditEvent> audit) {
        public Detail {
            audit = List.copyOf(audit);
        }
    }

    /** Which list a mail is on. */
    public enum Queue {
        HELD("held"), FLAGGED("flagged");

        private final String path;

        Queue(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    public List<ReviewEntry> list(Queue queue) throws Unavailable {
        return read(get(queue.path()), new TypeReference<List<ReviewEntry>>() { });
    }

    public Optional<Detail> detail(Queue queue, String key) throws Unavailable {
        HttpResponse<byte[]> response = send(request(queue.path() + "/" + encode(key)).GET(), true);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(response.body(), new TypeReference<Detail>() { }));
    }

    /** The message itself, as it would be (or was) delivered. */
    public Optional<byte[]> message(Queue queue, String key) throws Unavailable {
        HttpResponse<byte[]> response = send(request(queue.path() + "/" + encode(key) + "/message").GET(), true);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(response.body());
    }

    public void release(String key, String reviewer, Optional<String> note) throws Unavailable {
        decide(Queue.HELD, key, "release", reviewer, "note", note);
    }

    public void reject(String key, String reviewer, String reason) throws Unavailable {
        decide(Queue.HELD, key, "reject", reviewer, "reason", Optional.of(reason));
    }

    public void acknowledge(String key, String reviewer, Optional<String> note) throws Unavailable {
        decide(Queue.FLAGGED, key, "acknowledge", reviewer, "note", note);
    }

    /** The latest audit events, newest first. */
    public List<AuditEvent> audit(int limit) throws Unavailable {
        return read(get("audit?limit=" + limit), new TypeReference<List<AuditEvent>>() { });
    }

    /** The gateway's health: queue sizes and any problem with the directory file. */
    public Map<String, Object> status() throws Unavailable {
        return read(get("status"), new TypeReference<Map<String, Object>>() { });
    }

    private void decide(Queue queue, String key, String action, String reviewer, String field, Optional<String> text) throws Unavailable {
        Map<String, String> body = text.filter(t -> !t.isBlank()).map(t -> Map.of("reviewer", reviewer, field, t))
            .orElse(Map.of("reviewer", reviewer));
        try {
            send(request(queue.path() + "/" + encode(key) + "/" + action).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), false);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Unavailable(0, "the decision could not be written", e);
        }
    }

    private byte[] get(String path) throws Unavailable {
        return send(request(path).GET(), false).body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, boolean notFoundIsAnswer) throws Unavailable {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable(0, "the gateway's webadmin at " + base + " cannot be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(0, "interrupted while asking the gateway", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2 || (status == 404 && notFoundIsAnswer)) {
            return response;
        }
        throw new Unavailable(status, errorMessage(response), null);
    }

    private String errorMessage(HttpResponse<byte[]> response) {
        try {
            JsonNode error = json.readTree(response.body());
            if (error != null && error.hasNonNull("message")) {
                return error.get("message").asText();
            }
        } catch (IOException e) {
            // not JSON: fall through to the status
        }
        return "the gateway answered " + response.statusCode();
    }

    private <T> T read(byte[] body, TypeReference<T> type) throws Unavailable {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new Unavailable(0, "the gateway's answer could not be read: " + e.getMessage(), e);
        }
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
