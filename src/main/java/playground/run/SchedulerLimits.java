package playground.run;

/**
 * How many runs the server takes at once and keeps afterwards.
 *
 * @param warmRunners       runners started ahead of time, waiting for code (0 starts each run cold)
 * @param maxRunning        runs executing at the same time (bounded by memory, not cores: sleeping programs cost no CPU)
 * @param maxQueued         runs waiting for a slot, first come first served
 * @param clientRunning     runs one client (remote address) may have executing
 * @param clientQueued      runs one client may have waiting
 * @param keepResultsMinutes how long a finished run stays readable
 * @param keepResults       how many finished runs are kept at most
 */
public record SchedulerLimits(int warmRunners, int maxRunning, int maxQueued, int clientRunning, int clientQueued,
                              int keepResultsMinutes, int keepResults) {
}
