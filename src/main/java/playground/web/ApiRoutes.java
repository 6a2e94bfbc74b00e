package playground.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import playground.lesson.Lesson;
import playground.lesson.LessonLibrary;
import playground.lesson.Segment;
import playground.run.Run;
import playground.run.RunService;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API of DESIGN.md: runs, health and lessons. Stable: tests and tools use it. */
final class ApiRoutes {
    private static final int MAX_WAIT_SECONDS = 60;

    private final Playground playground;
    private final RunService runs;
    private final LessonLibrary lessons;
    private final ServerStatus status;

    ApiRoutes(Playground playground) {
        this.playground = playground;
        this.runs = playground.runs();
        this.lessons = playground.lessons();
        this.status = playground.status();
    }

    void register(RoutesConfig routes) {
        routes.post("/api/runs", this::createRun);
        routes.get("/api/runs/{id}", this::getRun);
        routes.delete("/api/runs/{id}", this::stopRun);
        routes.get("/api/health", this::health);
        routes.get("/api/lessons", this::listLessons);
        routes.get("/api/lessons/{id}", this::getLesson);
    }

    private void createRun(Context ctx) {
        Run run = playground.submit(ctx, playground.parser().fromJson(ctx.bodyAsBytes()));
        ctx.status(HttpStatus.CREATED).json(Map.of("id", run.id(), "status", run.status().wireName()));
    }

    private void getRun(Context ctx) throws InterruptedException {
        Run run = findRun(ctx);
        String wait = ctx.queryParam("wait");
        if (wait != null) {
            double seconds;
            try {
                seconds = Double.parseDouble(wait);
            } catch (NumberFormatException e) {
                throw new BadRequestResponse("wait must be a number of seconds");
            }
            if (!(seconds >= 0)) throw new BadRequestResponse("wait must be a number of seconds ≥ 0");
            run.awaitFinished(Duration.ofMillis((long) (Math.min(seconds, MAX_WAIT_SECONDS) * 1000)));
        }
        ctx.json(RunJson.of(run));
    }

    private void stopRun(Context ctx) throws InterruptedException {
        Run run = findRun(ctx);
        runs.stop(run);
        run.awaitFinished(Duration.ofSeconds(5));
        ctx.json(Map.of("id", run.id(), "status", run.status().wireName()));
    }

    private Run findRun(Context ctx) {
        return runs.find(ctx.pathParam("id")).orElseThrow(() -> new NotFoundResponse("no run with this id"));
    }

    private void health(Context ctx) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status.runsAllowed() ? "ok" : "unavailable");
        json.put("sandbox", status.sandbox());
        json.put("isolation", status.isolation());
        json.put("python", status.pythonVersion());
        json.put("running", runs.runningCount());
        json.put("queued", runs.waitingCount());
        json.put("limits", Map.of("run", runs.environment().runLimits(), "resources", runs.environment().resourceLimits()));
        ctx.status(status.runsAllowed() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(json);
    }

    private void listLessons(Context ctx) {
        ctx.json(lessons.course().lessons().stream().map(ApiRoutes::summary).toList());
    }

    private void getLesson(Context ctx) {
        Lesson lesson = lessons.course().find(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("no lesson with this id"));
        Map<String, Object> json = summary(lesson);
        json.put("body", Map.of("zh", bodyHtml(lesson.body().zh()), "en", bodyHtml(lesson.body().en())));
        json.put("snippets", lesson.snippets().stream().map(snippet -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", snippet.name());
            s.put("code", snippet.code());
            s.put("expected", snippet.expected());
            return s;
        }).toList());
        ctx.json(json);
    }

    private static Map<String, Object> summary(Lesson lesson) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", lesson.id());
        json.put("title", Map.of("zh", lesson.title().zh(), "en", lesson.title().en()));
        json.put("summary", Map.of("zh", lesson.summary().zh(), "en", lesson.summary().en()));
        json.put("sources", lesson.sources());
        return json;
    }

    /** The body as one HTML string; snippets become plain, escaped code blocks. */
    private static String bodyHtml(List<Segment> segments) {
        StringBuilder html = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.isSnippet()) {
                html.append("<pre class=\"snippet\" data-snippet=\"").append(Html.escape(segment.snippet().name()))
                        .append("\"><code class=\"language-python\">").append(Html.escape(segment.snippet().code()))
                        .append("</code></pre>\n");
            } else {
                html.append(segment.html());
            }
        }
        return html.toString();
    }

}
