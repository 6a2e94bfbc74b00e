package playground.run;

import playground.sandbox.RunnerLaunch;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One started runner that has not been given code yet: its private
 * directory, the socket it connects to, and the sandboxed process. It serves
 * exactly one run (fresh or from the warm pool) and is then closed, which
 * kills whatever is left of its process tree and removes its files.
 */
final class RunnerProcess implements AutoCloseable {
    private final Path runDir;
    private final ServerSocketChannel listener;
    private final Process process;

    private RunnerProcess(Path runDir, ServerSocketChannel listener, Process process) {
        this.runDir = runDir;
        this.listener = listener;
        this.process = process;
    }

    /** Makes the directories and socket, then starts the runner in the sandbox. */
    static RunnerProcess launch(RunEnvironment env, String name) throws IOException {
        Path runDir = Files.createDirectories(env.runsRoot().resolve(name));
        ServerSocketChannel listener = null;
        try {
            Path workDir = Files.createDirectories(runDir.resolve("work"));
            Path channelDir = Files.createDirectories(runDir.resolve("channel"));
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(channelDir.resolve(RunnerLaunch.SOCKET_NAME)));
            Process process = env.sandbox().start(new RunnerLaunch(env.python(), env.runnerDir(), workDir, channelDir,
                    env.resourceLimits()));
            return new RunnerProcess(runDir, listener, process);
        } catch (IOException | RuntimeException e) {
            closeQuietly(listener);
            FileTrees.deleteQuietly(runDir);
            throw e;
        }
    }

    Process process() {
        return process;
    }

    /** Waits for the runner's connection (it connects before anything else); closing the listener ends the wait. */
    SocketChannel acceptChannel() throws IOException {
        return listener.accept();
    }

    /** Stops waiting for a connection that will never come (the process is gone). */
    void stopListening() {
        closeQuietly(listener);
    }

    /** Kills the whole process tree at once. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        stopListening();
        kill();
        FileTrees.deleteQuietly(runDir);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Best effort: the runner is being discarded.
        }
    }
}
