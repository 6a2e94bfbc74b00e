package playground.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A run that shows the recording of an identical run (see {@link RecentRuns})
 * instead of executing. It waits, queued, until that run finishes, then
 * copies its events, marking the {@code end} event {@code "cached": true}.
 * If the run it waited for turned out not to be replayable (its owner
 * stopped it, it hit a limit, it left the virtual clock), this one is
 * executed after all.
 */
final class RunReplay {
    private final Run source;
    private final Run copy;
    private final Consumer<Run> executeInstead;
    private final Runnable onSettled;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final Consumer<Run> whenSourceChanges = this::sourceChanged;

    /**
     * Makes {@code copy} show {@code source} once it finishes (after {@link #start}), or hands it to
     * {@code executeInstead}; {@code onSettled} runs once either has happened (or the copy was stopped).
     */
    RunReplay(Run source, Run copy, Consumer<Run> executeInstead, Runnable onSettled) {
        this.source = source;
        this.copy = copy;
        this.executeInstead = executeInstead;
        this.onSettled = onSettled;
    }

    /** Starts following the source (which may have finished already: then it settles at once). */
    void start() {
        source.subscribe(whenSourceChanges);
        sourceChanged(source);
    }

    /** The copy's owner pressed Stop before the recording arrived. Returns false if it already had. */
    boolean stop(Run.Outcome stopped) {
        if (!settled.compareAndSet(false, true)) return false;
        source.unsubscribe(whenSourceChanges);
        onSettled.run();
        copy.end(stopped);
        return true;
    }

    private void sourceChanged(Run changed) {
        if (changed.status() != RunStatus.FINISHED || !settled.compareAndSet(false, true)) return;
        source.unsubscribe(whenSourceChanges);
        onSettled.run();
        if (!RecentRuns.replayable(source)) {
            executeInstead.accept(copy);
            return;
        }
        copy.markRunning();
        for (RunEvent event : source.eventsAfter(0)) {
            ObjectNode fields = event.fields();
            fields.remove("seq");
            if (event.type().equals("end")) fields.put("cached", true);
            copy.append(fields);
        }
        copy.finish(source.outcome());
    }
}
