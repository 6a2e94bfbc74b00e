package playground.sandbox;

import java.nio.file.Path;

/**
 * Everything a sandbox needs to start one runner, as paths on the host.
 *
 * @param python     the real interpreter (resolved once at start-up, not a shim)
 * @param runnerDir  the directory holding {@code run.py} and its package (read-only for the run)
 * @param workDir    the run's private, writable, initially empty directory on the host. Only sandboxes
 *                   that run in the host's file system use it ({@link UnsandboxedSandbox}); the
 *                   {@link BubblewrapSandbox} gives the run a fresh, size-capped tmpfs instead and
 *                   leaves this directory untouched
 * @param channelDir the directory holding the run's event socket {@code events.sock}; when the
 *                   server runs as root, every directory above it must be searchable by others
 *                   (mode o+x) because the sandbox starts under an unprivileged uid
 * @param limits     resource limits to apply to the process tree
 */
public record RunnerLaunch(Path python, Path runnerDir, Path workDir, Path channelDir, ResourceLimits limits) {

    /** Name of the unix socket inside {@link #channelDir()}. */
    public static final String SOCKET_NAME = "events.sock";
}
