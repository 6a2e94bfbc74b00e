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
 */
public record RunLimits(int wallSeconds, int virtualWallSeconds, int programSeconds, int outputBytes,
                        int maxEvents, int codeBytes) {

    public int wallSecondsFor(RunMode mode) {
        return mode == RunMode.REAL ? wallSeconds : virtualWallSeconds;
    }
}
