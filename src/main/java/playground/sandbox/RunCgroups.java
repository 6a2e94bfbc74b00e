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
 * command line ({@code sh}) writes its own pid into {@link Run#procsFiles()}
 * and then execs the rest, so every later process is born inside.
 */
interface RunCgroups {

    /** Creates one run's cgroup with the limits for {@code limits}. */
    Run create(ResourceLimits limits) throws IOException;

    /** Half a sentence for {@link Sandbox#describeIsolation()}. */
    String describe();

    /** One run's cgroup (one directory per hierarchy that carries a controller). */
    interface Run {

        /** The {@code cgroup.procs} files a process writes its pid into to join the run's cgroup. */
        List<Path> procsFiles();

        /** Kills whatever is left in the cgroup and removes it. Safe to call more than once. */
        void destroy();
    }
}
