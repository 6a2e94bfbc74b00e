package playground.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps runs by id. Finished runs stay readable for a while (a student may
 * reload the page) and are then evicted, oldest first, so memory stays bounded
 * however long the class goes on.
 */
public final class RunStore {
    private final ConcurrentHashMap<String, Run> runs = new ConcurrentHashMap<>();
    private final Duration keepFor;
    private final int keepAtMost;

    public RunStore(Duration keepFor, int keepAtMost) {
        this.keepFor = keepFor;
        this.keepAtMost = keepAtMost;
    }

    public void add(Run run) {
        runs.put(run.id(), run);
        evict();
    }

    public Optional<Run> get(String id) {
        return Optional.ofNullable(id == null ? null : runs.get(id));
    }

    public int size() {
        return runs.size();
    }

    private void evict() {
        Instant expiry = Instant.now().minus(keepFor);
        runs.values().removeIf(run -> {
            Instant finished = run.finishedAt();
            return finished != null && finished.isBefore(expiry);
        });
        int excess = runs.size() - keepAtMost;
        if (excess <= 0) return;
        List<Run> oldestFinished = runs.values().stream()
                .filter(run -> run.finishedAt() != null)
                .sorted(Comparator.comparing(Run::finishedAt))
                .limit(excess)
                .toList();
        oldestFinished.forEach(run -> runs.remove(run.id()));
    }
}
