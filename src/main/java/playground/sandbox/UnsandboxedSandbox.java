package playground.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The explicit, insecure development mode ({@code PLAYGROUND_INSECURE=1}):
 * the same runner command line, clean environment, rlimits and lower
 * priority as {@link BubblewrapSandbox}, but no isolation at all. A program
 * runs as the server's user in the host's file system and network, can read
 * and change everything the server can, and, when the server is root, is not
 * held to the process limit (the kernel exempts uid 0). Only for a developer's
 * own machine; every page shows a warning while it is in use.
 */
public final class UnsandboxedSandbox implements Sandbox {

    private final HostTools tools;

    UnsandboxedSandbox(HostTools tools) {
        this.tools = tools;
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean isolated() {
        return false;
    }

    @Override
    public String describeIsolation() {
        return "none: insecure development mode (PLAYGROUND_INSECURE=1); programs run as the server's user "
                + "with full access to its files and network; only rlimits apply";
    }

    @Override
    public Process start(RunnerLaunch launch) throws IOException {
        return startPython(launch, RunnerCommand.runnerArgs(launch.runnerDir().toString(),
                launch.channelDir().resolve(RunnerLaunch.SOCKET_NAME).toString()));
    }

    /** Starts {@code launch.python()} with {@code pythonArgs} in the work dir, limited but not isolated. */
    Process startPython(RunnerLaunch launch, List<String> pythonArgs) throws IOException {
        Path python = launch.python().toRealPath();
        List<String> command = new ArrayList<>(RunnerCommand.nice(tools.nice()));
        command.addAll(RunnerCommand.prlimit(tools.prlimit(), launch.limits(), 0));
        command.add(python.toString());
        command.addAll(pythonArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(launch.workDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(RunnerCommand.environment(launch.workDir().toAbsolutePath().toString()));
        return builder.start();
    }
}
