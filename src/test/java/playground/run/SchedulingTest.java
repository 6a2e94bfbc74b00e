package playground.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import playground.support.SseReader;
import playground.support.TestServer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run scheduler on a real server with small limits: one slot, two
 * waiting places, per-client caps; queued runs hear their position; a full
 * server answers 429 with Retry-After; the server answers while every slot
 * runs a CPU hog.
 */
class SchedulingTest {
    private static TestServer server;
    private static final String HOG = "while True:\n    pass\n";

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("PLAYGROUND_MAX_RUNNING", "1", "PLAYGROUND_MAX_QUEUED", "2",
                "PLAYGROUND_CLIENT_RUNNING", "1", "PLAYGROUND_CLIENT_QUEUED", "2", "PLAYGROUND_CPU_SECONDS", "2",
                "PLAYGROUND_VIRTUAL_WALL_SECONDS", "3"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void queuesInOrderThenRefusesWith429AndServesEveryoneInTheEnd() {
        String first = server.submit(HOG, "virtual");
        String second = server.submit("print('second')", "virtual");
        String third = server.submit("print('third')", "virtual");
        HttpResponse<String> refused = server.post("/api/runs", "application/json", "{\"code\": \"print(4)\"}");
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertTrue(TestServer.json(refused).get("error").asText().contains("wait"), refused.body());

        JsonNode health = TestServer.json(server.get("/api/health"));
        assertEquals(1, health.get("running").asInt());
        assertEquals(2, health.get("queued").asInt());

        long started = System.nanoTime();
        assertEquals(200, server.get("/").statusCode(), "pages still answer while the slot runs a CPU hog");
        assertTrue(System.nanoTime() - started < 2e9, "the page took " + (System.nanoTime() - started) / 1e6 + " ms");

        SseReader.Stream thirdEvents = SseReader.read(server.url("/api/runs/" + third + "/events"), null,
                Duration.ofSeconds(30));
        List<Integer> positions = new ArrayList<>();
        thirdEvents.events().stream().filter(e -> e.name().equals("queued"))
                .forEach(e -> positions.add(e.data().get("position").asInt()));
        assertEquals(List.of(2, 1), positions, "the third run waited second, then first in line");

        JsonNode hog = TestServer.json(server.get("/api/runs/" + first + "?wait=30"));
        assertTrue(List.of("cpu", "timeout").contains(hog.get("reason").asText()), hog.toString());
        assertTrue(hog.get("message").asText().startsWith("Stopped"), hog.toString());
        assertTrue(hog.get("messageZh").asText().contains("停止"), "the page in Chinese explains it in Chinese: " + hog);
        assertEquals("second\n", TestServer.json(server.get("/api/runs/" + second + "?wait=30")).get("stdout").asText());
        assertEquals("third\n", TestServer.json(server.get("/api/runs/" + third + "?wait=30")).get("stdout").asText());
    }

    @Test
    void aWaitingRunCanBeStoppedBeforeItStarts() {
        String hog = server.submit(HOG, "virtual");
        String waiting = server.submit("print('never')", "virtual");
        assertEquals(200, server.delete("/api/runs/" + waiting).statusCode());
        JsonNode result = TestServer.json(server.get("/api/runs/" + waiting + "?wait=5"));
        assertEquals("stopped", result.get("reason").asText());
        assertEquals("", result.get("stdout").asText());
        server.delete("/api/runs/" + hog);
        assertEquals("stopped", TestServer.json(server.get("/api/runs/" + hog + "?wait=10")).get("reason").asText());
    }
}
