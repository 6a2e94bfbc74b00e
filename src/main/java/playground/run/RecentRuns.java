package playground.run;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recent fast-forward runs by program text, so that a class running the
 * same lesson snippet costs the server one execution, not sixty (the Go
 * playground caches its deterministic results the same way).
 *
 * <p>A request can reuse a run when the run has the same code, is in
 * fast-forward mode, was started by another client, and either is still
 * running or finished recently in a way worth replaying (see
 * {@link #replayable}). A client that already ran or received this
 * program gets a fresh execution: pressing Run again means "run it again"
 * (a program with random sleeps should show another order), and that fresh
 * run becomes the one others reuse.
 */
public final class RecentRuns {
    /** Replays stay small: lesson snippets make tens of events, not thousands. */
    static final int MAX_EVENTS = 1_000;
    static final int MAX_TEXT_CHARS = 64 << 10;

    private final Duration keepFor;
    private final int maxPrograms;
    /** Least recently used first. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    private record Key(RunMode mode, String code) {
    }

    private record Entry(Run run, Set<String> clients) {
    }

    /**
     * @param keepFor     how long a finished run may be reused; zero turns reuse off
     * @param maxPrograms how many different programs are remembered at most
     */
    public RecentRuns(Duration keepFor, int maxPrograms) {
        this.keepFor = keepFor;
        this.maxPrograms = maxPrograms;
    }

    public boolean enabled() {
        return !keepFor.isZero() && maxPrograms > 0;
    }

    /** A run this client's request may show instead of executing, if there is one. */
    public synchronized Optional<Run> reusableFor(RunRequest request, String clientKey) {
        if (!enabled() || request.mode() != RunMode.VIRTUAL) return Optional.empty();
        Key key = new Key(request.mode(), request.code());
        Entry entry = entries.get(key);
        if (entry == null) return Optional.empty();
        if (entry.run().status() == RunStatus.FINISHED && !(fresh(entry.run()) && replayable(entry.run()))) {
            entries.remove(key);
            return Optional.empty();
        }
        if (!entry.clients().add(clientKey)) return Optional.empty();
        return Optional.of(entry.run());
    }

    /** A fresh execution of this program was accepted: from now on it is the one to reuse. */
    public synchronized void executing(Run run) {
        if (!enabled() || run.request().mode() != RunMode.VIRTUAL) return;
        Set<String> clients = new HashSet<>();
        clients.add(run.clientKey());
        entries.put(new Key(run.request().mode(), run.request().code()), new Entry(run, clients));
        Iterator<Map.Entry<Key, Entry>> oldestFirst = entries.entrySet().iterator();
        while (entries.size() > maxPrograms && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    private boolean fresh(Run run) {
        Instant finished = run.finishedAt();
        return finished != null && finished.plus(keepFor).isAfter(Instant.now());
    }

    /**
     * Worth showing to someone else: a finished fast-forward run that stayed
     * on the virtual clock (threads, subprocesses and real waits make runs
     * differ), ended by itself (not a limit, not its owner's Stop) and is
     * small.
     */
    static boolean replayable(Run run) {
        Run.Outcome outcome = run.outcome();
        if (outcome == null || run.request().mode() != RunMode.VIRTUAL) return false;
        if (outcome.reason() != EndReason.OK && outcome.reason() != EndReason.ERROR) return false;
        if (run.eventCount() > MAX_EVENTS || run.stdout().length() + run.stderr().length() > MAX_TEXT_CHARS) return false;
        return run.eventsAfter(0).stream().noneMatch(event -> event.type().equals("clock"));
    }
}
