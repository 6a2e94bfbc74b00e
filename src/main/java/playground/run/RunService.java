package playground.run;

import playground.lesson.Localized;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run lifecycle as the web layer sees it: submit, look up, stop. Ids are
 * random and unguessable, so one student cannot read or stop another's run.
 */
public final class RunService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RunStore store;
    private final RunScheduler scheduler;
    private final RunEnvironment environment;
    private final RunnerPool pool;
    private final RecentRuns recentRuns;
    /** Runs waiting for the recording of an identical run, by id. */
    private final Map<String, RunReplay> replays = new ConcurrentHashMap<>();
    private final Map<String, RunSession> sessions = new ConcurrentHashMap<>();
    /** Stops that may arrive between a run leaving the queue and its session existing. */
    private final java.util.Set<String> stopRequested = ConcurrentHashMap.newKeySet();

    public RunService(RunStore store, RunEnvironment environment, RunnerPool pool, SchedulerLimits limits,
                      RecentRuns recentRuns, java.util.concurrent.ExecutorService workers) {
        this.store = store;
        this.environment = environment;
        this.pool = pool;
        this.recentRuns = recentRuns;
        this.scheduler = new RunScheduler(limits, workers, this::execute);
    }

    /**
     * Creates and schedules a run, or lets it show the recording of an
     * identical recent run ({@link RecentRuns}); throws {@link RunRejected}
     * when the server or this client is at its limit.
     */
    public Run submit(RunRequest request, String clientKey) {
        Run run = new Run(newId(), clientKey, request);
        Optional<Run> recorded = recentRuns.reusableFor(request, clientKey);
        if (recorded.isPresent()) {
            store.add(run);
            RunReplay replay = new RunReplay(recorded.get(), run, this::executeAfterAll, () -> replays.remove(run.id()));
            replays.put(run.id(), replay); // before start: a finished source settles (and removes it) at once
            replay.start();
            return run;
        }
        schedule(run);
        store.add(run);
        return run;
    }

    private void schedule(Run run) {
        scheduler.submit(run);
        recentRuns.executing(run);
    }

    /** The recording a run waited for cannot be shown: execute it like any other. */
    private void executeAfterAll(Run run) {
        try {
            schedule(run);
        } catch (RunRejected busy) {
            run.end(new Run.Outcome(null, EndReason.REFUSED, new Localized<>("服务器太忙，请过几秒再试。",
                    "The server is too busy: " + busy.getMessage() + "."), 0, 0));
        }
    }

    public Optional<Run> find(String id) {
        return store.get(id);
    }

    /** Stops a run wherever it is: a waiting run never starts, a running one is killed at once. */
    public void stop(Run run) {
        Localized<String> message = EndReason.STOPPED.explain(run.request().mode(), environment.runLimits(),
                environment.resourceLimits(), 0);
        Run.Outcome stopped = new Run.Outcome(null, EndReason.STOPPED, message, 0, 0);
        RunReplay replay = replays.get(run.id());
        if (replay != null && replay.stop(stopped)) return;
        if (scheduler.cancelWaiting(run)) {
            run.end(stopped);
            return;
        }
        stopRequested.add(run.id());
        RunSession session = sessions.get(run.id());
        if (session != null) session.stop();
    }

    public int runningCount() {
        return scheduler.runningCount();
    }

    public int waitingCount() {
        return scheduler.waitingCount();
    }

    public RunEnvironment environment() {
        return environment;
    }

    private void execute(Run run) {
        RunSession session = new RunSession(run, environment, pool);
        sessions.put(run.id(), session);
        if (stopRequested.contains(run.id())) session.stop();
        try {
            session.execute();
        } finally {
            sessions.remove(run.id());
            stopRequested.remove(run.id());
        }
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
