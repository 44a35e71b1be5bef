package org.correspondencegateway.testing;

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

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** James's webadmin REST API, as an operator (and later the Clerk's console) reaches it over HTTP. */
public final class WebAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public WebAdmin(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    /** The keys of the mails in the repository at {@code path} (e.g. {@code var/mail/outbox}). */
    public List<String> mailKeys(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/mailRepositories/" + encode(path) + "/mails", "application/json");
        if (response.statusCode() == 404) {
            return List.of();
        }
        expectOk(response);
        return JSON.readValue(response.body(), new TypeReference<List<String>>() { });
    }

    /** The repositories webadmin knows, by path. */
    public List<String> repositories() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/mailRepositories", "application/json");
        expectOk(response);
        return JSON.readTree(response.body()).findValuesAsText("repository");
    }

    /** One mail of a repository, as the raw message. */
    public String rawMail(String path, String key) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/mailRepositories/" + encode(path) + "/mails/" + encode(key), "message/rfc822");
        expectOk(response);
        return response.body();
    }

    /** An answer of the gateway's own routes: the HTTP status and the JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    /** GETs {@code path} (e.g. {@code /correspondence-gateway/held}) as JSON. */
    public Answer json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, "application/json");
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** GETs {@code path} as text (a message/rfc822, for instance), expecting 200. */
    public String text(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, "*/*");
        expectOk(response);
        return response.body();
    }

    /** POSTs {@code body} as JSON to {@code path}. */
    public Answer post(String path, Object body) throws IOException, InterruptedException {
        return post(path, "application/json", JSON.writeValueAsString(body));
    }

    /** POSTs {@code fields} as a form, as {@code curl -d name=value} does. */
    public Answer postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String form = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(java.util.stream.Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", form);
    }

    /** POSTs {@code body} as is, with {@code contentType}. */
    public Answer post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** A path segment, escaped for a URL. */
    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
            .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
