package playground;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {

    @Test
    void theTimelineLimitsDefaultBelowTheEventCap() {
        Config config = Config.from(Map.of());
        assertEquals(1_000, config.runLimits().trackedTasks());
        assertEquals(20_000, config.runLimits().taskEvents());
        assertEquals(50_000, config.runLimits().maxEvents());
    }

    @Test
    void aLoweredEventCapLowersTheTaskEventsWithIt() {
        // A setting that worked before the timeline limits existed must still start the server.
        assertEquals(5_000, Config.from(Map.of("PLAYGROUND_MAX_EVENTS", "10000")).runLimits().taskEvents());
    }

    @Test
    void taskEventsOverHalfTheEventCapAreRefusedWithBothNames() {
        // Otherwise a run making many tasks would end with "output limit" instead of a shorter timeline.
        var error = assertThrows(IllegalArgumentException.class,
                () -> Config.from(Map.of("PLAYGROUND_TASK_EVENTS", "30000")));
        assertTrue(error.getMessage().contains("PLAYGROUND_TASK_EVENTS") && error.getMessage().contains("PLAYGROUND_MAX_EVENTS"),
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of("PLAYGROUND_TRACKED_TASKS", "0")));
    }
}
