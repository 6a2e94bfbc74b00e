package playground.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a waiting run follows the run it may replay (RecentRunsTest proves the whole path over HTTP). */
class RunReplayTest {
    private static final playground.lesson.Localized<String> STOPPED =
            new playground.lesson.Localized<>("已被你停止。", "Stopped by you.");
    private static final RunRequest PROGRAM = new RunRequest("print('hi')\n", RunMode.VIRTUAL);

    private final AtomicInteger settled = new AtomicInteger();
    private final List<Run> executed = new ArrayList<>();

    private RunReplay follow(Run source, Run copy) {
        RunReplay replay = new RunReplay(source, copy, executed::add, settled::incrementAndGet);
        replay.start();
        return replay;
    }

    private static Run printedAndEnded(String id, EndReason reason) {
        Run run = new Run(id, "client-" + id, PROGRAM);
        run.append("output", e -> e.put("t", 0.0).put("stream", "stdout").put("text", "hi\n"));
        run.end(new Run.Outcome(reason == EndReason.OK ? 0 : null, reason, null, 0.0, 0.01));
        return run;
    }

    @Test
    void aFinishedRecordingIsCopiedAtOnceWithItsEndMarkedCached() {
        Run source = printedAndEnded("a", EndReason.OK);
        Run copy = new Run("b", "client-b", PROGRAM);
        follow(source, copy);
        assertEquals(RunStatus.FINISHED, copy.status());
        assertEquals("hi\n", copy.stdout());
        assertEquals(source.eventCount(), copy.eventCount());
        assertTrue(copy.eventsAfter(0).get(copy.eventCount() - 1).fields().path("cached").asBoolean());
        assertEquals(1, settled.get(), "settled once, so the service forgets the replay");
        assertEquals(List.of(), executed);
    }

    @Test
    void aRecordingThatEndedByStopIsNotShownTheCopyExecutesInstead() {
        Run source = new Run("a", "client-a", PROGRAM);
        Run copy = new Run("b", "client-b", PROGRAM);
        follow(source, copy);
        assertEquals(RunStatus.QUEUED, copy.status(), "waits while the source runs");
        source.end(new Run.Outcome(null, EndReason.STOPPED, STOPPED, 0, 0));
        assertEquals(List.of(copy), executed);
        assertEquals(0, copy.eventCount());
        assertEquals(1, settled.get());
    }

    @Test
    void aCopyStoppedWhileWaitingStaysStopped() {
        Run source = new Run("a", "client-a", PROGRAM);
        Run copy = new Run("b", "client-b", PROGRAM);
        RunReplay replay = follow(source, copy);
        assertTrue(replay.stop(new Run.Outcome(null, EndReason.STOPPED, STOPPED, 0, 0)));
        source.append("output", e -> e.put("t", 0.0).put("stream", "stdout").put("text", "hi\n"));
        source.end(new Run.Outcome(0, EndReason.OK, null, 0, 0));
        assertEquals(EndReason.STOPPED, copy.outcome().reason());
        assertEquals("", copy.stdout());
        assertEquals(List.of(), executed);
        assertEquals(1, settled.get());
    }
}
