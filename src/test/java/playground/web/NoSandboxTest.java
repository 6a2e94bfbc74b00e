package playground.web;

import org.junit.jupiter.api.Test;
import playground.support.TestServer;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When no sandbox works, the server still teaches but refuses to run code, and says why everywhere. */
class NoSandboxTest {
    @Test
    void refusesRunsWith503AndShowsTheReasonOnHealthAndEveryPage() {
        try (TestServer server = TestServer.start(Map.of("PLAYGROUND_SANDBOX_UIDS", "not-a-range"))) {
            HttpResponse<String> health = server.get("/api/health");
            assertEquals(503, health.statusCode());
            assertEquals("none", TestServer.json(health).get("sandbox").asText());
            assertTrue(TestServer.json(health).get("isolation").asText().contains("PLAYGROUND_SANDBOX_UIDS"), health.body());

            HttpResponse<String> run = server.post("/api/runs", "application/json", "{\"code\": \"print(1)\"}");
            assertEquals(503, run.statusCode(), run.body());
            assertTrue(TestServer.json(run).get("error").asText().contains("cannot run"), run.body());

            HttpResponse<String> form = server.post("/runs", "application/x-www-form-urlencoded", "code=print%281%29");
            assertEquals(503, form.statusCode());
            assertTrue(form.body().contains("cannot run"), form.body());

            HttpResponse<String> page = server.get("/lessons/coroutines");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("data-testid=\"banner\""), "every page shows the banner");
        }
    }
}
