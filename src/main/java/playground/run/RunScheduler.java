package playground.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Decides when each run executes: at most {@code maxRunning} at once, then a
 * first-come-first-served queue of {@code maxQueued}, with per-client caps so
 * one student (or one script) cannot take the class's slots. Queued runs hear
 * their position through {@code queued} events whenever it changes.
 */
public final class RunScheduler {
    private final SchedulerLimits limits;
    private final ExecutorService workers;
    private final Consumer<Run> execute;

    private final LinkedHashMap<String, Run> waiting = new LinkedHashMap<>();
    private final Map<String, Integer> runningByClient = new HashMap<>();
    private final Map<String, Integer> lastPosition = new HashMap<>();
    private int running;

    /**
     * @param execute runs one run to completion on the calling worker thread
     */
    public RunScheduler(SchedulerLimits limits, ExecutorService workers, Consumer<Run> execute) {
        this.limits = limits;
        this.workers = workers;
        this.execute = execute;
    }

    /** Accepts the run (executing or queued) or throws {@link RunRejected}. */
    public void submit(Run run) {
        List<Run> toStart;
        synchronized (this) {
            String client = run.clientKey();
            int clientWaiting = (int) waiting.values().stream().filter(r -> r.clientKey().equals(client)).count();
            int clientRunning = runningByClient.getOrDefault(client, 0);
            if (clientWaiting >= limits.clientQueued()) {
                throw new RunRejected("you already have " + clientRunning + " runs running and " + clientWaiting
                        + " waiting; wait for one to finish", 2);
            }
            if (waiting.size() >= limits.maxQueued()) {
                throw new RunRejected("the server is full (" + running + " running, " + waiting.size()
                        + " waiting); try again in a few seconds", 5);
            }
            waiting.put(run.id(), run);
            toStart = takeStartable();
        }
        announcePositions();
        toStart.forEach(this::launch);
    }

    /** Removes a run that has not started yet; true if it was waiting. */
    public boolean cancelWaiting(Run run) {
        boolean removed;
        synchronized (this) {
            removed = waiting.remove(run.id()) != null;
            lastPosition.remove(run.id());
        }
        if (removed) announcePositions();
        return removed;
    }

    public synchronized int runningCount() {
        return running;
    }

    public synchronized int waitingCount() {
        return waiting.size();
    }

    private void launch(Run run) {
        workers.execute(() -> {
            try {
                execute.accept(run);
            } finally {
                release(run);
            }
        });
    }

    private void release(Run run) {
        List<Run> toStart;
        synchronized (this) {
            running--;
            runningByClient.computeIfPresent(run.clientKey(), (k, n) -> n > 1 ? n - 1 : null);
            toStart = takeStartable();
        }
        announcePositions();
        toStart.forEach(this::launch);
    }

    /** The waiting runs that may start now, oldest first, marked as running. Caller holds the lock. */
    private List<Run> takeStartable() {
        List<Run> startable = new ArrayList<>();
        Iterator<Run> it = waiting.values().iterator();
        while (running < limits.maxRunning() && it.hasNext()) {
            Run run = it.next();
            int clientRunning = runningByClient.getOrDefault(run.clientKey(), 0);
            if (clientRunning >= limits.clientRunning()) continue;
            it.remove();
            lastPosition.remove(run.id());
            running++;
            runningByClient.merge(run.clientKey(), 1, Integer::sum);
            startable.add(run);
        }
        return startable;
    }

    /** Sends each waiting run its place in line when it changed (1 = next). */
    private void announcePositions() {
        List<Map.Entry<Run, Integer>> changed = new ArrayList<>();
        synchronized (this) {
            int position = 0;
            for (Run run : waiting.values()) {
                position++;
                Integer before = lastPosition.put(run.id(), position);
                if (before == null || before != position) changed.add(Map.entry(run, position));
            }
        }
        for (Map.Entry<Run, Integer> entry : changed) {
            entry.getKey().append("queued", e -> e.put("t", 0.0).put("wall", 0.0).put("position", entry.getValue()));
        }
    }
}
