package playground.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import playground.lesson.Language;
import playground.lesson.Localized;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One submitted program and everything it produced: its status, its events in
 * order, the text of each stream and how it ended. Thread-safe: the process
 * readers append, HTTP handlers read and subscribe.
 */
public final class Run {
    private final String id;
    private final String clientKey;
    private final RunRequest request;
    private final Instant createdAt = Instant.now();
    private final List<RunEvent> events = new ArrayList<>();
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final List<Consumer<Run>> listeners = new CopyOnWriteArrayList<>();

    private RunStatus status = RunStatus.QUEUED;
    private Outcome outcome;
    private Instant finishedAt;

    /** How a finished run ended, as the server determined it. */
    public record Outcome(Integer exitCode, EndReason reason, Localized<String> message, double durationSeconds,
                          double wallSeconds) {

        /** The explanation in that language; null when there is nothing to explain. */
        public String message(Language language) {
            return message == null ? null : message.get(language);
        }
    }

    public Run(String id, String clientKey, RunRequest request) {
        this.id = id;
        this.clientKey = clientKey;
        this.request = request;
    }

    public String id() {
        return id;
    }

    public String clientKey() {
        return clientKey;
    }

    public RunRequest request() {
        return request;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Appends an event (fields must include {@code type}); output events also extend their stream's text. */
    public RunEvent append(ObjectNode fields) {
        RunEvent event;
        synchronized (this) {
            event = new RunEvent(events.size() + 1, fields);
            events.add(event);
            if (event.type().equals("output")) {
                (fields.path("stream").asText().equals("stderr") ? stderr : stdout).append(fields.path("text").asText());
            }
        }
        notifyListeners();
        return event;
    }

    /** Convenience for server-made events. */
    public RunEvent append(String type, Consumer<ObjectNode> fill) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("type", type);
        fill.accept(fields);
        return append(fields);
    }

    public synchronized int eventCount() {
        return events.size();
    }

    /** Events with {@code seq > afterSeq}, in order. */
    public synchronized List<RunEvent> eventsAfter(long afterSeq) {
        int from = (int) Math.max(0, Math.min(afterSeq, events.size()));
        return new ArrayList<>(events.subList(from, events.size()));
    }

    public synchronized String stdout() {
        return stdout.toString();
    }

    public synchronized String stderr() {
        return stderr.toString();
    }

    public synchronized RunStatus status() {
        return status;
    }

    public synchronized Outcome outcome() {
        return outcome;
    }

    public synchronized Instant finishedAt() {
        return finishedAt;
    }

    void markRunning() {
        synchronized (this) {
            if (status != RunStatus.QUEUED) return;
            status = RunStatus.RUNNING;
        }
        notifyListeners();
    }

    /**
     * Ends the run: appends the server's {@code exit} and {@code end} events
     * (after everything the program produced) and records the outcome.
     */
    void end(Outcome result) {
        synchronized (this) {
            if (status == RunStatus.FINISHED) return;
        }
        Integer code = result.exitCode();
        String reason = result.reason().wireName();
        append("exit", e -> e.put("t", result.durationSeconds()).put("wall", result.wallSeconds())
                .put("code", code).put("reason", reason));
        append("end", e -> e.put("t", result.durationSeconds()).put("wall", result.wallSeconds())
                .put("status", RunStatus.FINISHED.wireName()).put("exitCode", code).put("reason", reason)
                .put("message", result.message(Language.EN))
                .put("messageZh", result.message(Language.ZH))
                .put("durationSeconds", result.durationSeconds()).put("wallSeconds", result.wallSeconds()));
        finish(result);
    }

    /**
     * Records the outcome once; later calls are ignored. Wakes everyone waiting.
     * ({@link RunReplay} calls it directly after copying another run's exit and end events.)
     */
    void finish(Outcome result) {
        synchronized (this) {
            if (status == RunStatus.FINISHED) return;
            outcome = result;
            status = RunStatus.FINISHED;
            finishedAt = Instant.now();
            notifyAll();
        }
        notifyListeners();
    }

    /** Blocks until the run finishes or the timeout passes; returns whether it finished. */
    public synchronized boolean awaitFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status != RunStatus.FINISHED) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Calls the listener after every change (new event, status change). Listeners must not block. */
    public void subscribe(Consumer<Run> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<Run> listener) {
        listeners.remove(listener);
    }

    private void notifyListeners() {
        for (Consumer<Run> listener : listeners) listener.accept(this);
    }
}
