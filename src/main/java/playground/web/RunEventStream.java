package playground.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.http.sse.SseClient;
import playground.run.Run;
import playground.run.RunEvent;
import playground.run.RunService;
import playground.run.RunStatus;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code GET /api/runs/{id}/events}: a run's events as Server-Sent Events
 * (event name = type, data = JSON, id = seq). A late or reconnecting
 * subscriber first gets everything after its {@code Last-Event-ID} (or
 * {@code ?after=seq}), then live events; the stream closes after {@code end}.
 * <p>
 * Sending happens on a shared pool, one drain at a time per subscriber, so a
 * slow browser holds a pool thread for a moment, never the process reader.
 */
final class RunEventStream {
    static final String PATH = "/api/runs/{id}/events";
    private static final int MAX_STREAMS_PER_CLIENT = 16;

    private final RunService runs;
    private final ClientKeys clients;
    private final ExecutorService senders;
    private final ConcurrentHashMap<String, AtomicInteger> openByClient = new ConcurrentHashMap<>();

    RunEventStream(RunService runs, ClientKeys clients, ExecutorService senders) {
        this.runs = runs;
        this.clients = clients;
        this.senders = senders;
    }

    void register(RoutesConfig routes) {
        routes.before(PATH, this::admit);
        routes.sse(PATH, this::stream);
    }

    /** Refuses unknown runs and clients with too many open streams before the response becomes a stream. */
    private void admit(Context ctx) {
        runs.find(ctx.pathParam("id")).orElseThrow(() -> new NotFoundResponse("no run with this id"));
        AtomicInteger open = openByClient.computeIfAbsent(clients.of(ctx), k -> new AtomicInteger());
        if (open.get() >= MAX_STREAMS_PER_CLIENT) {
            ctx.header("Retry-After", "5");
            throw new TooManyRequestsResponse("too many open event streams from this address");
        }
    }

    private void stream(SseClient client) {
        Context ctx = client.ctx();
        Run run = runs.find(ctx.pathParam("id")).orElse(null);
        if (run == null) {
            ctx.status(HttpStatus.NOT_FOUND);
            client.close();
            return;
        }
        String clientKey = clients.of(ctx);
        AtomicInteger open = openByClient.computeIfAbsent(clientKey, k -> new AtomicInteger());
        open.incrementAndGet();
        Subscriber subscriber = new Subscriber(client, run, startAfter(ctx));
        client.onClose(() -> {
            run.unsubscribe(subscriber);
            if (open.decrementAndGet() <= 0) openByClient.remove(clientKey, open);
        });
        client.keepAlive();
        run.subscribe(subscriber);
        subscriber.accept(run);
    }

    private static long startAfter(Context ctx) {
        String value = ctx.header("Last-Event-ID");
        if (value == null) value = ctx.queryParam("after");
        try {
            return value == null ? 0 : Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One browser's position in one run's events. */
    private final class Subscriber implements Consumer<Run> {
        private final SseClient client;
        private final Run run;
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean dirty;
        private long sentSeq;

        Subscriber(SseClient client, Run run, long afterSeq) {
            this.client = client;
            this.run = run;
            this.sentSeq = afterSeq;
        }

        /** Called by the run on every change: schedule a drain unless one is already going. */
        @Override
        public void accept(Run changed) {
            dirty = true;
            if (draining.compareAndSet(false, true)) senders.execute(this::drain);
        }

        private void drain() {
            try {
                while (dirty && !client.terminated()) {
                    dirty = false;
                    List<RunEvent> events = run.eventsAfter(sentSeq);
                    for (RunEvent event : events) {
                        client.sendEvent(event.type(), event.json(), Long.toString(event.seq()));
                        sentSeq = event.seq();
                        if (event.type().equals("end")) {
                            client.close();
                            return;
                        }
                    }
                    if (run.status() == RunStatus.FINISHED && run.eventsAfter(sentSeq).isEmpty()) {
                        client.close();
                        return;
                    }
                }
            } finally {
                draining.set(false);
                if (dirty && !client.terminated()) accept(run);
            }
        }
    }
}
