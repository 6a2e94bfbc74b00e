package playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import playground.support.SseReader;
import playground.support.TestServer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API and the event stream of DESIGN.md, against a real server running real Python. */
class RunApiTest {
    private final TestServer server = TestServer.shared();

    @Test
    void healthSaysWhichSandboxAndPythonRunPrograms() {
        HttpResponse<String> response = server.get("/api/health");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode health = TestServer.json(response);
        assertEquals("ok", health.get("status").asText());
        assertEquals("bubblewrap", health.get("sandbox").asText(), "tests run with the real sandbox: " + health);
        assertTrue(health.get("python").asText().startsWith("3."));
        assertTrue(health.has("running") && health.has("queued"));
    }

    @Test
    void runsAProgramAndReportsItsOutputAndExit() {
        JsonNode result = server.run("import sys\nprint('hello', 'world')\nprint('oops', file=sys.stderr)\nsys.exit(3)\n", "virtual");
        assertEquals("finished", result.get("status").asText());
        assertEquals("hello world\n", result.get("stdout").asText());
        assertEquals("oops\n", result.get("stderr").asText());
        assertEquals(3, result.get("exitCode").asInt());
        assertEquals("error", result.get("reason").asText());
        List<String> types = types(result.get("events"));
        assertEquals("start", types.get(0));
        assertEquals(List.of("exit", "end"), types.subList(types.size() - 2, types.size()));
        long[] seqs = new long[types.size()];
        for (int i = 0; i < seqs.length; i++) seqs[i] = result.get("events").get(i).get("seq").asLong();
        for (int i = 0; i < seqs.length; i++) assertEquals(i + 1, seqs[i], "seq numbers are 1, 2, 3, …");
    }

    @Test
    void tracebacksReachStderrAndTheErrorEventNamesTheLine() {
        JsonNode result = server.run("x = 1\ny = 0\nprint(x / y)\n", "virtual");
        assertEquals(1, result.get("exitCode").asInt());
        assertTrue(result.get("stderr").asText().contains("ZeroDivisionError: division by zero"), result.toString());
        assertTrue(result.get("stderr").asText().contains("line 3"), result.toString());
        JsonNode error = events(result, "error").get(0);
        assertEquals("ZeroDivisionError", error.get("kind").asText());
        assertEquals(3, error.get("line").asInt());
    }

    @Test
    void virtualTimeSkipsSleepsButKeepsProgramTime() {
        String code = """
                import asyncio, time
                async def main():
                    start = time.monotonic()
                    await asyncio.sleep(3600)
                    print(f"slept {time.monotonic() - start:.0f} s")
                asyncio.run(main())
                """;
        JsonNode result = server.run(code, "virtual");
        assertEquals("slept 3600 s\n", result.get("stdout").asText());
        assertTrue(result.get("durationSeconds").asDouble() >= 3600, result.toString());
        assertTrue(result.get("wallSeconds").asDouble() < 10, result.toString());
    }

    @Test
    void aProgramWithTwentyThousandTasksEndsNormallyWithItsTimelineCutShort() {
        // Followed in full, this gather would send 60,000 task events, past the run's event cap (50,000),
        // and a program that printed one line would end with "output limit".
        String code = """
                import asyncio
                async def tiny(i):
                    await asyncio.sleep(0)
                    return i
                async def main():
                    print(sum(await asyncio.gather(*(tiny(i) for i in range(20_000)))))
                asyncio.run(main())
                """;
        JsonNode result = server.run(code, "virtual");
        assertEquals("ok", result.get("reason").asText(), result.get("stderr").asText());
        assertEquals("199990000\n", result.get("stdout").asText());
        List<JsonNode> notices = events(result, "notice");
        assertEquals(1, notices.size(), notices.toString());
        assertEquals("tracked-tasks", notices.get(0).get("kind").asText());
        assertEquals(1000, notices.get(0).get("limit").asInt());
        assertTrue(result.get("events").size() < 5_000, "events: " + result.get("events").size());
    }

    @Test
    void refusesBadInputWithAMessage() {
        assertBadRequest(server.post("/api/runs", "application/json", "{nope"), "not valid JSON");
        assertBadRequest(server.post("/api/runs", "application/json", "{}"), "\"code\" is missing");
        assertBadRequest(server.post("/api/runs", "application/json", "{\"code\": 1}"), "must be a string");
        assertBadRequest(server.post("/api/runs", "application/json", "{\"code\": \"1\", \"mode\": \"warp\"}"), "unknown mode");
        String big = "{\"code\": \"" + "#".repeat(70_000) + "\"}";
        assertBadRequest(server.post("/api/runs", "application/json", big), "limit is 65536 bytes");
        assertBadRequest(server.postBytes("/api/runs", "{\"code\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)), "UTF-8");
    }

    @Test
    void unknownRunsAreNotFound() {
        for (HttpResponse<String> response : List.of(server.get("/api/runs/nope"), server.delete("/api/runs/nope"),
                server.get("/api/runs/nope/events"))) {
            assertEquals(404, response.statusCode(), response.body());
            assertTrue(TestServer.json(response).has("error"));
        }
        assertEquals(400, server.get("/api/runs/" + server.submit("print(1)", "virtual") + "?wait=soon").statusCode());
    }

    @Test
    void deleteStopsARunAtOnce() {
        String id = server.submit("import time\nprint('started', flush=True)\ntime.sleep(30)\nprint('never')\n", "real");
        long start = System.nanoTime();
        while (!server.get("/api/runs/" + id).body().contains("started")) {
            assertTrue(System.nanoTime() - start < 15e9, "the run never started");
            sleep(50);
        }
        assertEquals(200, server.delete("/api/runs/" + id).statusCode());
        JsonNode result = TestServer.json(server.get("/api/runs/" + id + "?wait=10"));
        assertEquals("finished", result.get("status").asText());
        assertEquals("stopped", result.get("reason").asText());
        assertEquals("started\n", result.get("stdout").asText());
    }

    @Test
    void eventStreamDeliversLinesLiveAndInOrder() {
        String code = "import time\nprint('first', flush=True)\ntime.sleep(1)\nprint('second', flush=True)\n";
        String id = server.submit(code, "real");
        SseReader.Stream stream = SseReader.read(server.url("/api/runs/" + id + "/events"), null, Duration.ofSeconds(30));
        assertEquals(200, stream.status());
        assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
        List<SseReader.Received> output = stream.events().stream().filter(e -> e.name().equals("output")).toList();
        assertEquals(List.of("first\n", "second\n"), output.stream().map(e -> e.data().get("text").asText()).toList());
        long gap = output.get(1).atMillis() - output.get(0).atMillis();
        assertTrue(gap >= 700, "the first line arrived while the program still slept, " + gap + " ms before the second");
        assertEquals("end", stream.events().get(stream.events().size() - 1).name());
        for (int i = 1; i < stream.events().size(); i++) {
            assertEquals(stream.events().get(i - 1).id() + 1, stream.events().get(i).id(), "no gap, no duplicate");
        }
    }

    @Test
    void aLateOrReconnectingSubscriberGetsWhatItMissed() {
        String id = server.submit("for i in range(5):\n    print(i)\n", "virtual");
        server.get("/api/runs/" + id + "?wait=30");
        SseReader.Stream all = SseReader.read(server.url("/api/runs/" + id + "/events"), null, Duration.ofSeconds(10));
        assertEquals("0\n1\n2\n3\n4\n", all.events().stream().filter(e -> e.name().equals("output"))
                .map(e -> e.data().get("text").asText()).collect(Collectors.joining()));
        long resumeAfter = all.events().get(2).id();
        SseReader.Stream resumed = SseReader.read(server.url("/api/runs/" + id + "/events"),
                Long.toString(resumeAfter), Duration.ofSeconds(10));
        assertEquals(resumeAfter + 1, resumed.events().get(0).id());
        assertEquals(all.events().size() - 3, resumed.events().size());
    }

    private static void assertBadRequest(HttpResponse<String> response, String expected) {
        assertEquals(400, response.statusCode(), response.body());
        String error = TestServer.json(response).get("error").asText();
        assertNotNull(error);
        assertTrue(error.contains(expected), "'" + error + "' should mention " + expected);
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new java.util.ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static List<JsonNode> events(JsonNode result, String type) {
        List<JsonNode> found = new java.util.ArrayList<>();
        result.get("events").forEach(e -> {
            if (e.get("type").asText().equals(type)) found.add(e);
        });
        return found;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
