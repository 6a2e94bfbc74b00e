package playground.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs each program in a bubblewrap sandbox.
 *
 * <h2>What a run sees</h2>
 * New user, pid, net, ipc, uts and cgroup namespaces, and no way to make
 * further user namespaces ({@code --disable-userns}). The network namespace
 * holds only an unconfigured loopback: nothing leaves it, not even to the
 * host's 127.0.0.1. The file system is a read-only tmpfs root with
 * read-only binds of {@code /usr} (and the top-level {@code /bin}, {@code /lib*}
 * links), the interpreter's prefix when it lives elsewhere, the runner at
 * {@code /runner} and the run's channel directory at {@code /run/channel}
 * (connecting to a unix socket works on a read-only bind); neutral files at
 * {@code /etc} ({@link SandboxEtc}); a fresh {@code /proc} showing only the
 * run's processes; a minimal {@code /dev}. The only writable places are two
 * size-capped tmpfs: the home and working directory {@code /home/student}
 * ({@code /tmp} links there) and {@code /dev/shm}, each of
 * {@code workDirBytes}; they vanish with the sandbox, so nothing of a run
 * stays on disk. The program runs as uid 1000 ("student") inside, with no
 * capabilities, a new session (no terminal to inject into), hostname
 * "sandbox", the clean environment of {@link RunnerCommand#environment}, and
 * dies with the server ({@code --die-with-parent}).
 *
 * <h2>How it is bounded</h2>
 * The command line is
 * {@code sh -c <raise oom score, ulimit, enter cgroups> [nice -n 10] [unshare --setuid=U --setgid=U --] bwrap ... -- [prlimit --nproc=N --] python ...}
 * (every exec costs about a millisecond of start-up, so each part is there only where it is needed):
 * <ul>
 *   <li>the shell's {@code ulimit} sets the rlimits on CPU, address space,
 *       file size, open files and core dumps.</li>
 *   <li>Where the server may create cgroups ({@link RunCgroups}), each run
 *       gets a cap on its tree's tasks and total memory, and whatever is left
 *       when the run's process ends is killed; with a cgroup of its own in
 *       the {@code cpu} hierarchy too, the run is weighed against the server
 *       as a group and {@code nice} is left out (it would change nothing).</li>
 *   <li>Without cgroups, processes are bounded by the process rlimit, set
 *       by {@code prlimit} <em>inside</em> the sandbox, after the user
 *       namespace exists: the limit then counts this run alone (Linux
 *       5.14+), so a fork bomb in one run does not stop another from
 *       starting. Set outside, the same limit would count every run of the
 *       uid and a fork bomb would block them all (measured: see
 *       docs/sandbox.md).</li>
 *   <li>A root server starts each run under its own unprivileged uid
 *       ({@link UidPool}); root itself is exempt from the process limit.
 *       A non-root server's runs keep its uid ({@link ServerIdentity}).</li>
 *   <li>Every run has {@code oom_score_adj} 1000 (the kernel's out-of-memory
 *       killer picks runs before the server).</li>
 * </ul>
 *
 * <h2>What it does not do</h2>
 * No seccomp filter (the kernel's whole system-call surface, minus new user
 * namespaces, is reachable); {@code /usr} is readable in full (keep no secrets
 * there); without cgroups, memory is bounded per process only (64 processes
 * could each reserve the address-space limit). See docs/sandbox.md.
 */
public final class BubblewrapSandbox implements Sandbox {

    /** Where the runner directory appears inside the sandbox. */
    static final String RUNNER_MOUNT = "/runner";

    /** Where the channel directory appears inside the sandbox. */
    static final String CHANNEL_MOUNT = "/run/channel";

    /** bubblewrap's own init (pid 1 of the run's pid namespace) counts against the run's processes. */
    private static final int BUBBLEWRAP_INIT = 1;

    /**
     * Raises the OOM score, sets the rlimits with the shell line in the first
     * argument, moves itself into the cgroups whose {@code tasks} files
     * follow (after their count), then execs the rest.
     */
    private static final String ENTRY_SCRIPT = "{ echo 1000 >/proc/self/oom_score_adj; } 2>/dev/null\n"
            + "eval \"$1\" || exit 125; shift\n"
            + "n=$1; shift\n"
            + "while [ \"$n\" -gt 0 ]; do echo 0 >\"$1\" || exit 125; shift; n=$((n - 1)); done\n"
            + "exec \"$@\"\n";

    private static final List<String> TOP_LEVEL_SYSTEM_DIRS = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    private final HostTools tools;
    private final Path bwrap;
    private final Path etcDir;
    private final RunIdentity identity;
    private final Optional<RunCgroups> cgroups;
    private final List<String> systemMounts;

    BubblewrapSandbox(HostTools tools, Path etcDir, RunIdentity identity, Optional<RunCgroups> cgroups)
            throws IOException {
        this.tools = tools;
        this.bwrap = tools.bwrap().orElseThrow(() -> new IOException("bubblewrap (bwrap) is not installed"));
        this.etcDir = etcDir;
        this.identity = identity;
        this.cgroups = cgroups;
        this.systemMounts = systemMounts();
    }

    @Override
    public String name() {
        return "bubblewrap";
    }

    @Override
    public boolean isolated() {
        return true;
    }

    @Override
    public String describeIsolation() {
        return "bubblewrap: user, pid, net (loopback only), ipc, uts and cgroup namespaces; read-only system "
                + "files; private tmpfs home; rlimits per run; " + identity.describe() + "; "
                + cgroups.map(RunCgroups::describe)
                        .orElse("no cgroups (memory bounded per process, not per run)");
    }

    @Override
    public Process start(RunnerLaunch launch) throws IOException {
        return startPython(launch, RunnerCommand.runnerArgs(RUNNER_MOUNT,
                CHANNEL_MOUNT + "/" + RunnerLaunch.SOCKET_NAME));
    }

    /**
     * Starts {@code launch.python()} with {@code pythonArgs} in the sandbox
     * (paths in the arguments as the sandbox sees them). {@link #start}
     * passes the runner's arguments; the start-up probe and the tests pass
     * small programs.
     */
    Process startPython(RunnerLaunch launch, List<String> pythonArgs) throws IOException {
        Path python = launch.python().toRealPath();
        RunIdentity.Lease lease = identity.acquire();
        RunCgroups.Run cgroup = null;
        try {
            if (lease.uid().isPresent()) {
                requireSearchableByOthers(launch.runnerDir());
                requireSearchableByOthers(launch.channelDir());
                handChannelTo(launch.channelDir(), lease.uid().getAsInt());
            }
            cgroup = cgroups.isPresent() ? cgroups.get().create(launch.limits()) : null;
            List<String> command = new ArrayList<>(entryCommand(cgroup, launch.limits()));
            if (cgroups.isEmpty() || !cgroups.get().weighsCpu()) {
                command.addAll(RunnerCommand.nice(tools.nice()));
            }
            command.addAll(lease.switchCommand());
            command.addAll(bubblewrapArgs(launch, python));
            if (cgroup == null) {
                command.addAll(RunnerCommand.processLimit(tools.prlimit(), launch.limits().processes() + BUBBLEWRAP_INIT));
            }
            command.add(python.toString());
            command.addAll(pythonArgs);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(new File("/"))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            Process process = builder.start();
            RunCgroups.Run started = cgroup;
            process.onExit().whenComplete((exited, error) -> release(started, lease));
            return process;
        } catch (IOException | RuntimeException e) {
            release(cgroup, lease);
            throw e;
        }
    }

    private static void release(RunCgroups.Run cgroup, RunIdentity.Lease lease) {
        try {
            if (cgroup != null) {
                cgroup.destroy();
            }
        } finally {
            lease.close();
        }
    }

    private List<String> entryCommand(RunCgroups.Run cgroup, ResourceLimits limits) {
        List<Path> tasksFiles = cgroup == null ? List.of() : cgroup.tasksFiles();
        List<String> command = new ArrayList<>(List.of(tools.sh().toString(), "-c", ENTRY_SCRIPT, "sh",
                RunnerCommand.ulimitLine(limits), Integer.toString(tasksFiles.size())));
        tasksFiles.forEach(file -> command.add(file.toString()));
        return command;
    }

    private List<String> bubblewrapArgs(RunnerLaunch launch, Path python) {
        String home = SandboxEtc.HOME;
        String id = Integer.toString(SandboxEtc.STUDENT_ID);
        String tmpfsBytes = Long.toString(launch.limits().workDirBytes());
        List<String> args = new ArrayList<>(List.of(bwrap.toString(),
                "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                "--unshare-cgroup", "--disable-userns", "--uid", id, "--gid", id, "--hostname", "sandbox",
                "--die-with-parent", "--new-session", "--cap-drop", "ALL"));
        args.addAll(systemMounts);
        interpreterPrefix(python).ifPresent(prefix -> args.addAll(List.of("--ro-bind", prefix, prefix)));
        args.addAll(List.of(
                "--ro-bind", etcDir.toString(), "/etc",
                "--ro-bind", launch.runnerDir().toString(), RUNNER_MOUNT,
                "--ro-bind", launch.channelDir().toString(), CHANNEL_MOUNT,
                "--proc", "/proc",
                "--dev", "/dev",
                "--size", tmpfsBytes, "--tmpfs", "/dev/shm",
                "--size", tmpfsBytes, "--tmpfs", home,
                "--symlink", home, "/tmp",
                "--remount-ro", "/dev",
                "--remount-ro", "/",
                "--chdir", home,
                "--clearenv"));
        for (Map.Entry<String, String> variable : RunnerCommand.environment(home).entrySet()) {
            args.addAll(List.of("--setenv", variable.getKey(), variable.getValue()));
        }
        args.add("--");
        return args;
    }

    /** {@code /usr} read-only, plus the top-level system directories as they are on the host (usually links into /usr). */
    private static List<String> systemMounts() throws IOException {
        List<String> mounts = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr"));
        for (String name : TOP_LEVEL_SYSTEM_DIRS) {
            Path dir = Path.of("/", name);
            if (Files.isSymbolicLink(dir)) {
                mounts.addAll(List.of("--symlink", Files.readSymbolicLink(dir).toString(), dir.toString()));
            } else if (Files.isDirectory(dir)) {
                mounts.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
            }
        }
        return mounts;
    }

    /** The interpreter's installation prefix ({@code <prefix>/bin/python3.x}) when it is not under /usr. */
    private static Optional<String> interpreterPrefix(Path realPython) {
        if (realPython.startsWith("/usr/")) {
            return Optional.empty();
        }
        Path bin = realPython.getParent();
        Path prefix = bin.getFileName().toString().equals("bin") && bin.getParent() != null ? bin.getParent() : bin;
        return Optional.of(prefix.toString());
    }

    /**
     * A run under its own uid reaches the runner and its channel through
     * the host's paths (bubblewrap resolves them as that uid), so every
     * directory above them must let others pass.
     */
    private static void requireSearchableByOthers(Path dir) throws IOException {
        for (Path above = dir.toAbsolutePath().getParent(); above != null; above = above.getParent()) {
            if (!Files.getPosixFilePermissions(above).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("the sandbox's unprivileged uid cannot reach " + dir + ": " + above
                        + " is not searchable by others (chmod o+x " + above + ")");
            }
        }
    }

    /** The channel directory and its socket become the run's, so it may connect. */
    private static void handChannelTo(Path channelDir, int uid) throws IOException {
        Files.setAttribute(channelDir, "unix:uid", uid);
        Path socket = channelDir.resolve(RunnerLaunch.SOCKET_NAME);
        if (Files.exists(socket)) {
            Files.setAttribute(socket, "unix:uid", uid);
        }
    }
}
