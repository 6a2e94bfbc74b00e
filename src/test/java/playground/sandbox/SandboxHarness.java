package playground.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real directories and real processes for sandbox tests: a scratch base
 * (searchable by the sandbox's unprivileged uid), a runner directory, fresh
 * channel and work dirs per launch, and a way to collect a process's result.
 * A test class holds one as {@code @RegisterExtension static final
 * SandboxHarness harness = new SandboxHarness();}, which removes the scratch
 * directory after the class.
 */
final class SandboxHarness implements AutoCloseable, AfterAllCallback {

    /** The interpreter every test runs: Debian's, not the pyenv shim on PATH. */
    static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Starts a Python process with arguments in some sandbox (bubblewrap or unsandboxed). */
    @FunctionalInterface
    interface PythonStarter {
        Process start(RunnerLaunch launch, List<String> pythonArgs) throws IOException;
    }

    /** What a finished process left. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Threads that block reading processes' output (the common pool is too small for that). */
    static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-test-reader");
        thread.setDaemon(true);
        return thread;
    });

    /** How much of a process's stdout or stderr a result keeps. */
    static final int KEPT_BYTES = 1 << 20;

    final Path base;
    final Path runnerDir;
    private int launches;

    SandboxHarness() {
        try {
            base = Files.createTempDirectory("sandbox-test-");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx--x--x"));
            runnerDir = Files.createDirectory(base.resolve("runner"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    /** A fresh channel dir and work dir with the given limits. */
    RunnerLaunch launch(ResourceLimits limits) throws IOException {
        int n = ++launches;
        Path channel = Files.createDirectory(base.resolve("channel-" + n));
        Path work = Files.createDirectory(base.resolve("work-" + n));
        return new RunnerLaunch(PYTHON, runnerDir, work, channel, limits);
    }

    /** Runs {@code python -I -c code} with default limits and waits for it. */
    Result run(PythonStarter starter, String code) throws IOException {
        return run(starter, code, ResourceLimits.defaults());
    }

    Result run(PythonStarter starter, String code, ResourceLimits limits) throws IOException {
        return finish(starter.start(launch(limits), List.of("-I", "-c", code)), Duration.ofSeconds(30));
    }

    /** Collects stdout and stderr while waiting; kills the process if it outlives {@code timeout}. */
    static Result finish(Process process, Duration timeout) {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()), READERS);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()), READERS);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("process still running after " + timeout + "; stderr: " + err.getNow(""));
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Reads the stream to its end, keeping the first {@link #KEPT_BYTES}
     * (hostile programs flood). A stream closed because the process was
     * killed ends the reading like end of file.
     */
    private static String drain(InputStream stream) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int n; (n = stream.read(buffer)) > 0; ) {
                kept.write(buffer, 0, Math.max(0, Math.min(n, KEPT_BYTES - kept.size())));
            }
        } catch (IOException closedByKill) {
            // keep what came before
        }
        return kept.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
