package playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import playground.support.TestServer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's first command starts the server with no settings at all:
 * its default interpreter must be one the sandbox can run (on this machine
 * {@code python3} on PATH is pyenv's, under /root, which a run's own uid
 * cannot open), and a program must run.
 */
class DefaultSettingsTest {

    @Test
    void withNoInterpreterSettingTheSandboxWorksAndAProgramRuns() {
        try (TestServer server = TestServer.start(Map.of("PLAYGROUND_PYTHON", ""))) {
            JsonNode health = TestServer.json(server.get("/api/health"));
            assertEquals("ok", health.get("status").asText(), health.toString());
            assertEquals("bubblewrap", health.get("sandbox").asText(), health.toString());
            JsonNode result = server.run("print(6 * 7)\n", "virtual");
            assertEquals("42\n", result.get("stdout").asText(), result.toString());
        }
    }
}
