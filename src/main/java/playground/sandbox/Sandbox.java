package playground.sandbox;

import java.io.IOException;

/**
 * How one run's Python process is isolated from the server, the network and
 * other runs. The server picks one implementation at start-up (see
 * {@link SandboxSelector}) and every run goes through it.
 */
public interface Sandbox {

    /** Short name shown in {@code /api/health}: "bubblewrap", or "none" for the insecure development mode. */
    String name();

    /** True when runs are actually isolated; false only for the explicit insecure development mode. */
    boolean isolated();

    /**
     * Starts the runner for one run. The returned process has its stdin
     * closed (reads see end of file), stdout and stderr as pipes, and runs
     * {@code python -I -X utf8 -u <runner>/run.py --channel <socket>} with
     * the work dir as its current directory, paths translated to what the
     * process sees inside the sandbox.
     */
    Process start(RunnerLaunch launch) throws IOException;

    /**
     * One sentence for {@code /api/health} and the operator's log: what this
     * sandbox isolates and how processes and memory are bounded here, e.g.
     * "bubblewrap: user, pid, net, ipc, uts, cgroup namespaces; ...".
     */
    String describeIsolation();
}
