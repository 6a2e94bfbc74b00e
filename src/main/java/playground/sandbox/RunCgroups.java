package playground.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Per-run control groups, where the server may create them: a hard cap on
 * the total memory and the number of tasks of a run's whole process tree,
 * which rlimits cannot give (RLIMIT_AS bounds each process separately, so 64
 * processes could each take the full memory allowance).
 *
 * <p>A run enters its cgroup before anything else: the first program of its
 * command line ({@code sh}, single-threaded) writes {@code 0} into
 * {@link Run#tasksFiles()} and then execs the rest, so every later process
 * is born inside. (Writing {@code 0}, "the calling thread", into
 * {@code tasks} is the one move the kernel makes without taking its global
 * thread-group lock, whose first use after a pause waits ~10 ms for an RCU
 * grace period; docs/sandbox.md has the measurements.)
 */
interface RunCgroups {

    /** Creates one run's cgroup with the limits for {@code limits}. */
    Run create(ResourceLimits limits) throws IOException;

    /** Half a sentence for {@link Sandbox#describeIsolation()}. */
    String describe();

    /**
     * True when each run also has its own CPU weight, which makes a run's
     * niceness pointless: the scheduler weighs the run's group against the
     * server, and niceness only orders the tasks inside the group.
     */
    boolean weighsCpu();

    /** One run's cgroup (one directory per hierarchy that carries a controller). */
    interface Run {

        /** The {@code tasks} files a single-threaded process writes {@code 0} into to move itself into the run's cgroup. */
        List<Path> tasksFiles();

        /** Kills whatever is left in the cgroup and removes it. Safe to call more than once. */
        void destroy();
    }
}
