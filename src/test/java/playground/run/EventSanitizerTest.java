package playground.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSanitizerTest {
    private final EventSanitizer sanitizer = new EventSanitizer();

    @Test
    void keepsProtocolFieldsAndDropsTheRest() {
        var event = sanitizer.sanitize("{\"type\":\"output\",\"t\":1.5,\"wall\":0.01,\"stream\":\"stdout\","
                + "\"task\":\"t1\",\"text\":\"hi\\n\",\"seq\":99,\"evil\":true}").orElseThrow();
        assertEquals("hi\n", event.get("text").asText());
        assertEquals(1.5, event.get("t").asDouble());
        assertFalse(event.has("seq"));
        assertFalse(event.has("evil"));
    }

    @Test
    void rejectsServerEventsUnknownTypesAndWrongTypes() {
        assertTrue(sanitizer.sanitize("{\"type\":\"end\",\"t\":0,\"wall\":0,\"reason\":\"ok\"}").isEmpty());
        assertTrue(sanitizer.sanitize("{\"type\":\"exit\",\"t\":0,\"wall\":0,\"code\":0}").isEmpty());
        assertTrue(sanitizer.sanitize("{\"type\":\"bogus\",\"t\":0,\"wall\":0}").isEmpty());
        assertTrue(sanitizer.sanitize("{\"type\":\"output\",\"t\":0,\"wall\":0,\"stream\":\"stdin\",\"text\":\"x\"}").isEmpty());
        assertTrue(sanitizer.sanitize("{\"type\":\"output\",\"t\":\"soon\",\"wall\":0,\"stream\":\"stdout\",\"text\":\"x\"}").isEmpty());
        assertTrue(sanitizer.sanitize("{\"type\":\"task\",\"t\":0,\"wall\":0,\"id\":\"t1\",\"name\":\"a\",\"state\":\"dancing\"}").isEmpty());
        assertTrue(sanitizer.sanitize("not json at all").isEmpty());
        assertTrue(sanitizer.sanitize("[]").isEmpty());
    }

    @Test
    void passesTheRunnersNoticesOfItsTimelineLimitsOnly() {
        var event = sanitizer.sanitize("{\"type\":\"notice\",\"t\":0.2,\"wall\":0.3,\"kind\":\"tracked-tasks\","
                + "\"limit\":1000,\"html\":\"<b>\"}").orElseThrow();
        assertEquals("tracked-tasks", event.get("kind").asText());
        assertEquals(1000, event.get("limit").asInt());
        assertFalse(event.has("html"));
        assertTrue(sanitizer.sanitize("{\"type\":\"notice\",\"t\":0,\"wall\":0,\"kind\":\"task-events\",\"limit\":20000}").isPresent());
        assertTrue(sanitizer.sanitize("{\"type\":\"notice\",\"t\":0,\"wall\":0,\"kind\":\"you-won\",\"limit\":1}").isEmpty());
        assertTrue(sanitizer.sanitize("{\"type\":\"notice\",\"t\":0,\"wall\":0,\"kind\":\"task-events\",\"limit\":\"many\"}").isEmpty());
    }

    @Test
    void capsLabels() {
        String longName = "n".repeat(10_000);
        var event = sanitizer.sanitize("{\"type\":\"task\",\"t\":0,\"wall\":0,\"id\":\"t1\",\"name\":\"" + longName
                + "\",\"parent\":null,\"state\":\"created\"}").orElseThrow();
        assertTrue(event.get("name").asText().length() <= EventSanitizer.MAX_LABEL + 1);
    }
}
