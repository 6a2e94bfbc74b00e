package playground.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import playground.support.TestServer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identical fast-forward runs of different students share one execution
 * (RecentRuns). Every program prints 16 random bytes, so an execution is
 * told from a replay by its output: equal output means the same execution.
 * Students are told apart by X-Forwarded-For.
 */
class RecentRunsTest {
    private static final String RANDOM = "import os\nprint(os.urandom(16).hex())\n";
    /** About a second of CPU before printing: long enough to be joined while running. */
    private static final String SLOW = "import os, time\nwhile time.process_time() < 1.0:\n    pass\nprint(os.urandom(16).hex())\n";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("PLAYGROUND_TRUST_PROXY", "1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Two students submitting the same slow program, one right after the other (ids of their runs). */
    private record SlowPair(String leader, String follower) {
        static SlowPair start(String network) {
            String code = SLOW + "# " + System.nanoTime() + "\n";
            return new SlowPair(server.submitAs(network + ".1", code, "virtual"),
                    server.submitAs(network + ".2", code, "virtual"));
        }
    }

    private static JsonNode result(String id) {
        JsonNode result = TestServer.json(server.get("/api/runs/" + id + "?wait=60"));
        assertEquals("finished", result.path("status").asText(), result.toString());
        return result;
    }

    private static JsonNode end(JsonNode result) {
        JsonNode events = result.get("events");
        return events.get(events.size() - 1);
    }

    @Test
    void anotherStudentSeesTheRecordingAndTheSameStudentRunsAfresh() {
        String code = RANDOM + "# " + System.nanoTime() + "\n";
        JsonNode first = result(server.submitAs("10.0.0.1", code, "virtual"));
        JsonNode second = result(server.submitAs("10.0.0.2", code, "virtual"));
        JsonNode again = result(server.submitAs("10.0.0.1", code, "virtual"));

        assertEquals(first.get("stdout").asText(), second.get("stdout").asText(), "the second student saw the first run");
        assertTrue(end(second).path("cached").asBoolean(), end(second).toString());
        assertEquals(first.get("events").size(), second.get("events").size());
        assertEquals("ok", second.get("reason").asText());
        assertFalse(end(first).path("cached").asBoolean());
        assertNotEquals(first.get("stdout").asText(), again.get("stdout").asText(), "Run again runs again");
        assertFalse(end(again).path("cached").asBoolean());
    }

    @Test
    void realTimeRunsAndRunsThatLeftTheVirtualClockAlwaysExecute() {
        String code = RANDOM + "# " + System.nanoTime() + "\n";
        JsonNode first = result(server.submitAs("10.0.1.1", code, "real"));
        JsonNode second = result(server.submitAs("10.0.1.2", code, "real"));
        assertNotEquals(first.get("stdout").asText(), second.get("stdout").asText());

        String threaded = "import threading\n" + code + "threading.Thread(target=print).start()\n";
        JsonNode one = result(server.submitAs("10.0.1.1", threaded, "virtual"));
        JsonNode other = result(server.submitAs("10.0.1.2", threaded, "virtual"));
        assertTrue(one.get("events").toString().contains("\"type\":\"clock\""), one.toString());
        assertNotEquals(one.get("stdout").asText(), other.get("stdout").asText());
    }

    @Test
    void aStudentWhoAsksWhileTheRunIsGoingGetsItsResult() {
        SlowPair pair = SlowPair.start("10.0.2");
        String leader = pair.leader(), follower = pair.follower();
        JsonNode led = result(leader);
        JsonNode followed = result(follower);
        assertEquals("ok", led.get("reason").asText(), led.toString());
        assertEquals(led.get("stdout").asText(), followed.get("stdout").asText());
        assertTrue(end(followed).path("cached").asBoolean());
    }

    @Test
    void whenTheFirstStudentStopsTheirRunTheSecondGetsAnExecutionOfTheirOwn() {
        SlowPair pair = SlowPair.start("10.0.3");
        String leader = pair.leader(), follower = pair.follower();
        assertEquals(200, server.delete("/api/runs/" + leader).statusCode());
        assertEquals("stopped", result(leader).get("reason").asText());
        JsonNode followed = result(follower);
        assertEquals("ok", followed.get("reason").asText(), followed.toString());
        assertEquals(33, followed.get("stdout").asText().length(), followed.toString());
        assertFalse(end(followed).path("cached").asBoolean());
    }

    @Test
    void aStudentWaitingForARecordingCanStop() {
        SlowPair pair = SlowPair.start("10.0.4");
        String leader = pair.leader(), follower = pair.follower();
        assertEquals(200, server.delete("/api/runs/" + follower).statusCode());
        JsonNode stopped = result(follower);
        assertEquals("stopped", stopped.get("reason").asText());
        assertEquals("", stopped.get("stdout").asText());
        assertEquals("ok", result(leader).get("reason").asText(), "the first student's run is untouched");
    }
}
