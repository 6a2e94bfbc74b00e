package playground.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import playground.App;
import playground.Config;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real playground server on a free loopback port, with small HTTP helpers.
 * {@link #shared()} is started once per test JVM (with the sandbox the
 * server selects by itself, as in production) and stopped at JVM exit.
 */
public final class TestServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer shared;

    private final App app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(App app) {
        this.app = app;
    }

    /** The server most tests share: the repository's lessons, default limits. */
    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A server of its own, with these settings on top of the test defaults ("" removes a test default). */
    public static TestServer start(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("PLAYGROUND_LESSONS", Path.of("lessons").toAbsolutePath().toString());
        env.put("PLAYGROUND_PYTHON", python());
        env.putAll(settings);
        env.values().removeIf(String::isEmpty); // "" in settings: leave that setting to its default
        try {
            return new TestServer(App.start(Config.from(env)));
        } catch (IOException e) {
            throw new IllegalStateException("test server did not start", e);
        }
    }

    /** Debian's interpreter when present (the pyenv shim is slow), else python3 on PATH. */
    public static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    public App app() {
        return app;
    }

    public int port() {
        return app.port();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postBytes(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE());
    }

    /** Starts a run through the JSON API and returns its id. */
    public String submit(String code, String mode) {
        return submitAs(null, code, mode);
    }

    /**
     * Starts a run as the client {@code X-Forwarded-For} names (the server must
     * run with {@code PLAYGROUND_TRUST_PROXY=1}; null: this machine) and returns its id.
     */
    public String submitAs(String client, String code, String mode) {
        ObjectNode body = JSON.createObjectNode().put("code", code).put("mode", mode);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/runs")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (client != null) request.header("X-Forwarded-For", client);
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /api/runs answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("id").asText();
    }

    /** Runs a program to the end and returns the JSON result. */
    public JsonNode run(String code, String mode) {
        String id = submit(code, mode);
        JsonNode result = json(get("/api/runs/" + id + "?wait=60"));
        if (!result.path("status").asText().equals("finished")) {
            throw new AssertionError("run did not finish within 60 s: " + result);
        }
        return result;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
