package playground.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import playground.lesson.LessonLibrary;
import playground.run.Run;
import playground.run.RunRequest;
import playground.run.RunRequestParser;
import playground.run.RunService;

/**
 * What the routes share: the course, the runs, request parsing, the
 * server's status and who a client is. Submitting a run goes through
 * {@link #submit} so the JSON API and the page form refuse it the same way.
 */
record Playground(LessonLibrary lessons, RunService runs, RunRequestParser parser, ServerStatus status,
                  ClientKeys clients) {

    /** Schedules the run for this request's client; 503 when no sandbox works. */
    Run submit(Context ctx, RunRequest request) {
        if (!status.runsAllowed()) throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), status.banner());
        return runs.submit(request, clients.of(ctx));
    }
}
