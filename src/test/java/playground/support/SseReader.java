package playground.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Server-Sent Events stream the way a browser's EventSource does,
 * recording when each event arrived (for "streams live" assertions).
 */
public final class SseReader {

    /** One received event: its name, parsed data, and the receive time in ms since the request was sent. */
    public record Received(String name, JsonNode data, long id, long atMillis) {
    }

    public record Stream(int status, String contentType, List<Received> events) {
    }

    /** Reads until the server closes the stream (or the timeout passes). */
    public static Stream read(String url, String lastEventId, Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            List<Received> events = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = "message";
                StringBuilder data = new StringBuilder();
                long id = -1;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Received(name, TestServer.JSON.readTree(data.toString()), id,
                                    (System.nanoTime() - start) / 1_000_000));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        if (data.length() > 0) data.append('\n');
                        data.append(line.substring(5).stripLeading());
                    } else if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).strip());
                    }
                }
            }
            return new Stream(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), events);
        } catch (IOException e) {
            throw new AssertionError("event stream failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
