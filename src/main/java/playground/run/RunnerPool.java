package playground.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * A few runners started ahead of time, already past Python's start-up and
 * {@code import asyncio}, waiting in their sandboxes for code. Taking one
 * skips the sandbox and interpreter start for the run; the pool then starts
 * a replacement in the background. Isolation stays per run: a pooled runner
 * serves exactly one run and then dies like any other.
 */
public final class RunnerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunnerPool.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RunEnvironment env;
    private final int size;
    private final Deque<RunnerProcess> ready = new ArrayDeque<>();
    private int starting;
    private boolean closed;

    public RunnerPool(RunEnvironment env, int size) {
        this.env = env;
        this.size = size;
        refill();
    }

    /** A waiting runner whose process is still alive, or a freshly started one when none is. */
    RunnerProcess take() throws IOException {
        RunnerProcess runner;
        synchronized (this) {
            while ((runner = ready.pollFirst()) != null && !runner.process().isAlive()) {
                runner.close();
            }
        }
        refill();
        return runner != null ? runner : RunnerProcess.launch(env, newName());
    }

    private void refill() {
        int toStart;
        synchronized (this) {
            if (closed) return;
            toStart = size - ready.size() - starting;
            if (toStart <= 0) return;
            starting += toStart;
        }
        for (int i = 0; i < toStart; i++) env.ioThreads().execute(this::startOne);
    }

    private void startOne() {
        RunnerProcess runner = null;
        try {
            runner = RunnerProcess.launch(env, newName());
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not start a warm runner: {}", e.toString());
        }
        synchronized (this) {
            starting--;
            if (runner != null && !closed) {
                ready.addLast(runner);
                return;
            }
        }
        if (runner != null) runner.close();
    }

    @Override
    public void close() {
        Deque<RunnerProcess> leftovers;
        synchronized (this) {
            closed = true;
            leftovers = new ArrayDeque<>(ready);
            ready.clear();
        }
        leftovers.forEach(RunnerProcess::close);
    }

    private static String newName() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "r-" + HexFormat.of().formatHex(bytes);
    }
}
