package playground.sandbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a runner's command line that every sandbox shares, so that
 * the isolated and the insecure mode start Python the same way and differ
 * only in isolation.
 */
final class RunnerCommand {

    /** How much lower than the server the runs are scheduled ({@code nice -n}). */
    static final int NICENESS = 10;

    /** The runner's entry point inside its directory (docs/runner-protocol.md). */
    static final String RUNNER_SCRIPT = "run.py";

    private RunnerCommand() {
    }

    /** {@code -I -X utf8 -u <runnerDir>/run.py --channel <socket>}, paths as the process sees them. */
    static List<String> runnerArgs(String runnerDir, String socketPath) {
        return List.of("-I", "-X", "utf8", "-u", runnerDir + "/" + RUNNER_SCRIPT, "--channel", socketPath);
    }

    /**
     * The whole environment of a run. Beyond the protocol's PATH, LANG and
     * HOME it sets {@code MALLOC_ARENA_MAX=1}: glibc otherwise reserves a
     * 64 MiB heap arena per thread, and under the address-space limit
     * (256 MiB by default) a program could start only about six threads;
     * with one arena the limit allows about thirty (each thread keeps its
     * 8 MiB stack reservation).
     */
    static Map<String, String> environment(String home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", home);
        env.put("MALLOC_ARENA_MAX", "1");
        return env;
    }

    /**
     * {@code prlimit} arguments that set the run's rlimits and then exec the
     * rest of the command line.
     *
     * <p>CPU has a soft limit one second below the hard one, so a CPU hog
     * first receives SIGXCPU (the exit status then names the reason) and is
     * killed outright only if it ignores that. Python ignores SIGXFSZ, so a
     * file grown past {@code fileSizeBytes} fails with "File too large".
     *
     * @param extraProcesses processes the sandbox itself adds to the count
     *                       (bubblewrap's init inside the sandbox), so the
     *                       program gets the full {@code processes} allowance
     */
    static List<String> prlimit(Path prlimit, ResourceLimits limits, int extraProcesses) {
        return List.of(prlimit.toString(),
                "--cpu=" + limits.cpuSeconds() + ":" + hardCpuSeconds(limits),
                "--as=" + limits.memoryBytes(),
                "--nproc=" + (limits.processes() + extraProcesses),
                "--fsize=" + limits.fileSizeBytes(),
                "--nofile=" + limits.openFiles(),
                "--core=0",
                "--");
    }

    /** {@code prlimit} arguments that set only the process limit, then exec the rest. */
    static List<String> processLimit(Path prlimit, int processes) {
        return List.of(prlimit.toString(), "--nproc=" + processes, "--");
    }

    /**
     * A shell line that sets the same rlimits as {@link #prlimit} except the
     * process limit, with the shell's {@code ulimit} builtin (one exec fewer
     * than {@code prlimit}); it fails if any of them cannot be set. Units are
     * POSIX's: KiB for the address space, 512-byte blocks for file size.
     * (The soft CPU limit comes first: a hard limit below the current soft
     * one is refused.)
     */
    static String ulimitLine(ResourceLimits limits) {
        return "ulimit -S -t " + limits.cpuSeconds()
                + " && ulimit -H -t " + hardCpuSeconds(limits)
                + " && ulimit -v " + limits.memoryBytes() / 1024
                + " && ulimit -f " + limits.fileSizeBytes() / 512
                + " && ulimit -n " + limits.openFiles()
                + " && ulimit -c 0";
    }

    private static int hardCpuSeconds(ResourceLimits limits) {
        return limits.cpuSeconds() + 1;
    }

    /** {@code nice -n 10}: runs yield the CPU to the server. */
    static List<String> nice(Path nice) {
        return List.of(nice.toString(), "-n", Integer.toString(NICENESS));
    }
}
