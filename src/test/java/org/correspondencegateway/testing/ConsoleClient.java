package org.correspondencegateway.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console as an HTTP client sees it, for server-side tests: keeps its cookies, follows no redirects
 * (a test looks at each), and reads the CSRF token from the page it was last shown.
 */
public final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private String lastPage = "";

    public ConsoleClient(String base) {
        this.base = base;
    }

    /** A page: its status, where it redirects to, and its body. */
    public record Page(int status, Optional<String> location, String body, HttpResponse<String> response) {
        public String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }
    }

    public Page get(String path) throws IOException, InterruptedException {
        return remember(http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    public Page post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return remember(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    public Page signIn(String name, String password) throws IOException, InterruptedException {
        return post("/sign-in", Map.of("name", name, "password", password, "next", "/"));
    }

    /** The CSRF token on the last page shown. */
    public String csrf() {
        Matcher matcher = CSRF.matcher(lastPage);
        if (!matcher.find()) {
            throw new IllegalStateException("the last page has no form token");
        }
        return matcher.group(1);
    }

    private Page remember(HttpResponse<String> response) {
        lastPage = response.body();
        return new Page(response.statusCode(), response.headers().firstValue("Location"), response.body(), response);
    }
}
