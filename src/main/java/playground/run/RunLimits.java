package playground.run;

/**
 * Limits the server enforces on a run from outside the process.
 *
 * @param wallSeconds        real-time mode: wall time before the run is stopped
 * @param virtualWallSeconds fast-forward mode: wall time before the run is stopped (sleeps cost nothing, so this only
 *                           catches busy loops and waits on things that never happen)
 * @param programSeconds     fast-forward mode: the most program time a run may skip through
 * @param outputBytes        stdout + stderr together
 * @param maxEvents          events kept for one run
 * @param codeBytes          largest program accepted
 * @param trackedTasks       tasks the runner follows on the timeline (later ones run untracked)
 * @param taskEvents         task events the runner sends; at most half of {@code maxEvents}, so that a program making
 *                           many tasks ends normally with its timeline cut short, not with reason {@code output}
 */
public record RunLimits(int wallSeconds, int virtualWallSeconds, int programSeconds, int outputBytes,
                        int maxEvents, int codeBytes, int trackedTasks, int taskEvents) {

    public RunLimits {
        if (trackedTasks < 1) throw new IllegalArgumentException("PLAYGROUND_TRACKED_TASKS must be at least 1");
        if (taskEvents < 1 || taskEvents > maxEvents / 2) {
            throw new IllegalArgumentException("PLAYGROUND_TASK_EVENTS (" + taskEvents
                    + ") must be at least 1 and at most half of PLAYGROUND_MAX_EVENTS (" + maxEvents
                    + "), leaving room for the program's output");
        }
    }

    public int wallSecondsFor(RunMode mode) {
        return mode == RunMode.REAL ? wallSeconds : virtualWallSeconds;
    }
}
