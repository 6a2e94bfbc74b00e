package playground.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import playground.lesson.Localized;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Executes one run from start to end: takes a started runner from the pool
 * (or has one started), hands it the code,
 * turns what comes back into events, enforces the limits the server owns
 * (wall time, output, events), kills the whole process tree when one is hit,
 * records why, and removes every file the run had.
 */
final class RunSession {
    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);
    private static final int MAX_EVENT_LINE_CHARS = 8 << 20;
    private static final int SIGXCPU = 24;

    private final Run run;
    private final RunEnvironment env;
    private final OutputBudget budget;
    private final EventSanitizer sanitizer = new EventSanitizer();
    private final RunnerPool pool;
    private volatile long startNanos = System.nanoTime();
    private volatile RunnerProcess runner;
    private volatile EndReason limitReason;
    private volatile double lastProgramTime;
    private volatile String lastErrorKind;

    RunSession(Run run, RunEnvironment env, RunnerPool pool) {
        this.run = run;
        this.env = env;
        this.pool = pool;
        this.budget = new OutputBudget(env.runLimits().outputBytes());
    }

    /** Runs to completion on the calling thread; always finishes the run. */
    void execute() {
        int exitCode = -1;
        try {
            runner = pool.take();
            startNanos = System.nanoTime();
            run.markRunning();
            if (limitReason != null) kill(limitReason);
            exitCode = superviseProcess();
        } catch (IOException | RuntimeException e) {
            LOG.warn("run {} could not start: {}", run.id(), e.toString());
            limitReason = limitReason == null ? EndReason.REFUSED : limitReason;
            appendOutput("stderr", "The server could not start the program: " + e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(EndReason.KILLED);
        } finally {
            if (runner != null) runner.close();
            finishRun(exitCode);
        }
    }

    /** Stops the run at once (DELETE from the user). */
    void stop() {
        kill(EndReason.STOPPED);
    }

    private int superviseProcess() throws InterruptedException {
        Process process = runner.process();
        ExecutorService threads = env.ioThreads();
        List<Future<?>> readers = new ArrayList<>();
        readers.add(threads.submit(() -> readRawStream(process.getInputStream(), "stdout")));
        readers.add(threads.submit(() -> readRawStream(process.getErrorStream(), "stderr")));
        readers.add(threads.submit(this::readChannel));
        long wallMillis = TimeUnit.SECONDS.toMillis(env.runLimits().wallSecondsFor(run.request().mode()));
        if (!process.waitFor(wallMillis, TimeUnit.MILLISECONDS)) kill(EndReason.TIMEOUT);
        process.waitFor();
        runner.stopListening();
        for (Future<?> reader : readers) awaitReader(reader);
        return process.exitValue();
    }

    /** Readers normally end with the process; a leftover child holding a pipe must not hold the run. */
    private void awaitReader(Future<?> reader) throws InterruptedException {
        try {
            reader.get(2, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            killTree();
            reader.cancel(true);
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("run {} reader failed", run.id(), e.getCause());
        }
    }

    private void readRawStream(InputStream stream, String name) {
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            char[] chunk = new char[8192];
            int count;
            while ((count = reader.read(chunk)) > 0) {
                appendOutput(name, new String(chunk, 0, count));
            }
        } catch (IOException e) {
            // The process went away; nothing more to read.
        }
    }

    private void readChannel() {
        try (SocketChannel channel = runner.acceptChannel()) {
            String handshake = JsonNodeFactory.instance.objectNode()
                    .put("code", run.request().code())
                    .put("mode", run.request().mode().wireName())
                    .set("limits", JsonNodeFactory.instance.objectNode()
                            .put("programSeconds", env.runLimits().programSeconds())
                            .put("trackedTasks", env.runLimits().trackedTasks())
                            .put("taskEvents", env.runLimits().taskEvents()))
                    .toString() + "\n";
            Channels.newOutputStream(channel).write(handshake.getBytes(StandardCharsets.UTF_8));
            BoundedLineReader lines = new BoundedLineReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8), MAX_EVENT_LINE_CHARS);
            while (true) {
                String line = lines.readLine();
                // A line too long to keep carries more output than any run may print.
                if (lines.skippedLines() > 0) kill(EndReason.OUTPUT);
                if (line == null) break;
                sanitizer.sanitize(line).ifPresent(this::acceptRunnerEvent);
            }
        } catch (IOException e) {
            // Closed by the server at exit, or by the program: either way the channel is done.
        }
    }

    private void acceptRunnerEvent(ObjectNode event) {
        if (limitReason != null) return;
        double t = event.path("t").asDouble();
        if (t > lastProgramTime) lastProgramTime = t;
        String type = event.path("type").asText();
        if (type.equals("error")) lastErrorKind = event.path("kind").asText();
        if (type.equals("output")) {
            String text = event.path("text").asText();
            String kept = budget.take(text);
            if (kept.isEmpty() && !text.isEmpty()) {
                kill(EndReason.OUTPUT);
                return;
            }
            event.put("text", kept);
            appendWithinEventLimit(event);
            if (kept.length() < text.length()) kill(EndReason.OUTPUT);
            return;
        }
        if (lastProgramTime > env.runLimits().programSeconds()) {
            kill(EndReason.TIMEOUT);
            return;
        }
        appendWithinEventLimit(event);
    }

    private void appendOutput(String stream, String text) {
        if (limitReason == EndReason.OUTPUT) return;
        String kept = budget.take(text);
        if (!kept.isEmpty()) {
            ObjectNode event = serverEvent("output").put("stream", stream).putNull("task").put("text", kept);
            appendWithinEventLimit(event);
        }
        if (kept.length() < text.length()) kill(EndReason.OUTPUT);
    }

    private void appendWithinEventLimit(ObjectNode event) {
        if (run.eventCount() >= env.runLimits().maxEvents()) {
            kill(EndReason.OUTPUT);
            return;
        }
        run.append(event);
    }

    private ObjectNode serverEvent(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type).put("t", lastProgramTime).put("wall", wallSeconds());
    }

    private double wallSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Records the first limit hit and kills the process tree. */
    private void kill(EndReason reason) {
        synchronized (this) {
            if (limitReason == null) limitReason = reason;
        }
        killTree();
    }

    private void killTree() {
        RunnerProcess current = runner;
        if (current != null) current.kill();
    }

    private void finishRun(int exitCode) {
        EndReason reason = decideReason(exitCode);
        Integer code = exitCode >= 0 ? exitCode : null;
        Localized<String> message = reason.explain(run.request().mode(), env.runLimits(), env.resourceLimits(), exitCode);
        run.end(new Run.Outcome(code, reason, message, lastProgramTime, wallSeconds()));
    }

    /** The operating system's account of the end, plus the limit the server itself enforced, if any. */
    private EndReason decideReason(int exitCode) {
        if (limitReason != null) return limitReason;
        if (exitCode == 0) return EndReason.OK;
        if (exitCode == 128 + SIGXCPU) return EndReason.CPU;
        if ("MemoryError".equals(lastErrorKind)) return EndReason.MEMORY;
        if (exitCode > 128) return EndReason.KILLED;
        return EndReason.ERROR;
    }
}
