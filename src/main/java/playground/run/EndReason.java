package playground.run;

import playground.sandbox.ResourceLimits;

/**
 * Why a run ended, decided by the server from what the operating system
 * reported (never from what the program claims), with a sentence a student
 * understands.
 */
public enum EndReason {
    OK, ERROR, TIMEOUT, CPU, MEMORY, OUTPUT, KILLED, STOPPED, REFUSED;

    public String wireName() {
        return name().toLowerCase();
    }

    /** The plain-words explanation shown under the console; null when there is nothing to explain. */
    public String explain(RunMode mode, RunLimits limits, ResourceLimits resources, int exitCode) {
        return switch (this) {
            case OK -> null;
            case ERROR -> "The program exited with code " + exitCode + ".";
            case TIMEOUT -> mode == RunMode.REAL
                    ? "Stopped after " + limits.wallSeconds() + " s of wall time. Fast-forward mode skips sleeps; "
                      + "real-time programs must finish in " + limits.wallSeconds() + " s."
                    : "Stopped after " + limits.virtualWallSeconds() + " s of wall time. Fast-forward skips sleeps, "
                      + "but not busy loops, blocking calls or waits for something that never happens.";
            case CPU -> "Stopped after using " + resources.cpuSeconds() + " s of CPU time. Look for a loop that never ends.";
            case MEMORY -> "Stopped: the program needed more than " + (resources.memoryBytes() >> 20) + " MiB of memory.";
            case OUTPUT -> "Stopped: the program printed more than " + (limits.outputBytes() >> 10)
                    + " KiB of output (or more than " + limits.maxEvents() + " events). The output so far is kept.";
            case KILLED -> "The program was killed by signal " + (exitCode - 128) + ".";
            case STOPPED -> "Stopped by you.";
            case REFUSED -> "The server could not start the program.";
        };
    }
}
