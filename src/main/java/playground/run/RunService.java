package playground.run;

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
    private final Map<String, RunSession> sessions = new ConcurrentHashMap<>();
    /** Stops that may arrive between a run leaving the queue and its session existing. */
    private final java.util.Set<String> stopRequested = ConcurrentHashMap.newKeySet();

    public RunService(RunStore store, RunEnvironment environment, RunnerPool pool, SchedulerLimits limits,
                      java.util.concurrent.ExecutorService workers) {
        this.store = store;
        this.environment = environment;
        this.pool = pool;
        this.scheduler = new RunScheduler(limits, workers, this::execute);
    }

    /** Creates and schedules a run; throws {@link RunRejected} when the server or this client is at its limit. */
    public Run submit(RunRequest request, String clientKey) {
        Run run = new Run(newId(), clientKey, request);
        store.add(run);
        scheduler.submit(run);
        return run;
    }

    public Optional<Run> find(String id) {
        return store.get(id);
    }

    /** Stops a run wherever it is: a waiting run never starts, a running one is killed at once. */
    public void stop(Run run) {
        if (scheduler.cancelWaiting(run)) {
            String message = EndReason.STOPPED.explain(run.request().mode(), environment.runLimits(),
                    environment.resourceLimits(), 0);
            run.end(new Run.Outcome(null, EndReason.STOPPED, message, 0, 0));
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
