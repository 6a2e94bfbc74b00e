package playground.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the sandbox at start-up, by trying it.
 *
 * <ul>
 *   <li>{@code PLAYGROUND_INSECURE=1}: the operator asked for the insecure
 *       development mode, and gets {@link UnsandboxedSandbox} without a
 *       probe.</li>
 *   <li>Otherwise a {@link BubblewrapSandbox} is built for this host (a uid
 *       pool when the server is root, per-run cgroups where they can be
 *       created) and a small program runs in it; it must report the
 *       sandbox's hostname, only the loopback interface and the student
 *       uid, and list the runner directory. When it does, that sandbox is
 *       chosen.</li>
 *   <li>When it does not, no sandbox is chosen and the selection says why
 *       and what to install or allow: the server then refuses runs (503) and
 *       shows the message on every page.</li>
 * </ul>
 *
 * <p>Settings: the insecure mode ({@code PLAYGROUND_INSECURE=1}, read by the
 * server's config), {@code PLAYGROUND_SANDBOX_UIDS} (the uid range a root server
 * gives runs, "first-last", default {@value #DEFAULT_UIDS}),
 * {@code PLAYGROUND_SANDBOX_CGROUPS} ("0" to skip per-run cgroups even where
 * they could be made: moving a process into a cgroup waits for an RCU grace
 * period, about 12 ms per run start here).
 */
public final class SandboxSelector {

    /** Default uid range for runs of a root server: no Debian package or user takes these ids. */
    static final String DEFAULT_UIDS = "61000-61127";

    private static final String PROBE_PROGRAM = "import os, socket\n"
            + "print(socket.gethostname(), ','.join(n for _, n in socket.if_nameindex()), os.getuid(),"
            + " len(os.listdir('/runner')) >= 0)\n";

    private static final String PROBE_EXPECTED = "sandbox lo " + SandboxEtc.STUDENT_ID + " True";

    private static final long PROBE_TIMEOUT_SECONDS = 15;

    private static final String ALLOW_USER_NAMESPACES = "Unprivileged user namespaces must be allowed: "
            + "sysctl user.max_user_namespaces above 0 (kernel.unprivileged_userns_clone=1 on old Debian kernels, "
            + "kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 24.04+). In Docker, start the container with "
            + "--security-opt seccomp=unconfined --security-opt apparmor=unconfined (add "
            + "--security-opt systempaths=unconfined if /proc cannot be mounted).";

    private static final String INSECURE_HINT = " For development only, PLAYGROUND_INSECURE=1 runs programs "
            + "without any isolation.";

    private SandboxSelector() {
    }

    /**
     * Chooses the sandbox for this host, reading the sandbox's own settings
     * ({@code PLAYGROUND_SANDBOX_UIDS}, {@code PLAYGROUND_SANDBOX_CGROUPS})
     * from the server's environment.
     *
     * @param python    the real interpreter the server runs programs with
     * @param runnerDir the runner directory every run binds read-only
     * @param limits    the limits runs get (the probe runs under them too)
     * @param insecure  the operator asked for the insecure development mode
     */
    public static SandboxSelection select(Path python, Path runnerDir, ResourceLimits limits, boolean insecure) {
        return select(python, runnerDir, limits, insecure, System.getenv());
    }

    /** As {@link #select(Path, Path, ResourceLimits, boolean)}, with the sandbox settings from {@code settings}. */
    public static SandboxSelection select(Path python, Path runnerDir, ResourceLimits limits, boolean insecure,
                                          Map<String, String> settings) {
        HostTools tools;
        try {
            tools = HostTools.find();
        } catch (IOException e) {
            return unavailable(e.getMessage() + "." + INSECURE_HINT);
        }
        if (!Files.isRegularFile(python) || !Files.isExecutable(python)) {
            return unavailable("the Python interpreter " + python
                    + " does not exist or cannot be executed (set PLAYGROUND_PYTHON).");
        }
        if (insecure) {
            Sandbox sandbox = new UnsandboxedSandbox(tools);
            return new SandboxSelection(sandbox, sandbox.name(), sandbox.describeIsolation());
        }
        if (tools.bwrap().isEmpty()) {
            return unavailable("bubblewrap is not installed (Debian/Ubuntu: apt-get install bubblewrap; "
                    + "Fedora: dnf install bubblewrap)." + INSECURE_HINT);
        }
        try {
            BubblewrapSandbox sandbox = bubblewrapForThisHost(tools, settings);
            Optional<String> failure = probe(sandbox, python, runnerDir, limits);
            if (failure.isPresent()) {
                return unavailable("bubblewrap could not run a test program (" + failure.get() + "). "
                        + ALLOW_USER_NAMESPACES + INSECURE_HINT);
            }
            return new SandboxSelection(sandbox, sandbox.name(), sandbox.describeIsolation());
        } catch (IOException | IllegalArgumentException e) {
            return unavailable(e.getMessage() + "." + INSECURE_HINT);
        }
    }

    /** No sandbox works: runs are refused and every page shows {@code why}. */
    private static SandboxSelection unavailable(String why) {
        return new SandboxSelection(null, "none", "No sandbox: " + why);
    }

    /** The bubblewrap sandbox as this host allows it: uid pool for a root server, cgroups where writable (unless turned off). */
    static BubblewrapSandbox bubblewrapForThisHost(HostTools tools, Map<String, String> env) throws IOException {
        return new BubblewrapSandbox(tools,
                SandboxEtc.create(Path.of(System.getProperty("java.io.tmpdir"))),
                identityFor(tools, env.getOrDefault("PLAYGROUND_SANDBOX_UIDS", DEFAULT_UIDS)),
                "0".equals(env.get("PLAYGROUND_SANDBOX_CGROUPS")) ? Optional.empty()
                        : CgroupV1.detect(Path.of("/proc/self")));
    }

    /** A root server gives every run its own uid; any other server's runs keep its uid. */
    static RunIdentity identityFor(HostTools tools, String uidRange) throws IOException {
        if (!runningAsRoot()) {
            return new ServerIdentity();
        }
        Matcher range = Pattern.compile("^(\\d+)-(\\d+)$").matcher(uidRange.trim());
        if (!range.matches()) {
            throw new IllegalArgumentException("PLAYGROUND_SANDBOX_UIDS must look like 61000-61127, not '"
                    + uidRange + "'");
        }
        int first = Integer.parseInt(range.group(1));
        int last = Integer.parseInt(range.group(2));
        return new UidPool(tools.unshare(), first, last - first + 1);
    }

    static boolean runningAsRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return line.split("\\s+")[1].equals("0");
            }
        }
        throw new IOException("cannot tell the server's uid from /proc/self/status");
    }

    /** Runs the probe program; empty when it printed what a working sandbox prints, else what went wrong. */
    static Optional<String> probe(BubblewrapSandbox sandbox, Path python, Path runnerDir, ResourceLimits limits)
            throws IOException {
        Path scratch = Files.createTempDirectory("playground-sandbox-probe-");
        try {
            Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx--x--x"));
            Path channel = Files.createDirectory(scratch.resolve("channel"));
            Path work = Files.createDirectory(scratch.resolve("work"));
            RunnerLaunch launch = new RunnerLaunch(python, runnerDir, work, channel, limits);
            Process process = sandbox.startPython(launch, List.of("-I", "-S", "-c", PROBE_PROGRAM));
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("no answer within " + PROBE_TIMEOUT_SECONDS + " s");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() == 0 && out.equals(PROBE_EXPECTED)) {
                return Optional.empty();
            }
            return Optional.of("exit " + process.exitValue() + ", printed '" + shorten(out) + "'"
                    + (err.isEmpty() ? "" : ", error '" + shorten(err) + "'"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            deleteTree(scratch);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
