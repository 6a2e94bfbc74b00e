package playground.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.lesson.LessonLibrary;
import playground.run.InvalidRunRequest;
import playground.run.RunRejected;
import playground.run.RunRequestParser;
import playground.run.RunService;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Builds the Javalin app: static files, pages, JSON API, SSE, security headers and error answers, in one place. */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final long MAX_REQUEST_BYTES = 512 * 1024;

    private WebServer() {
    }

    public static Javalin create(LessonLibrary lessons, RunService runs, RunRequestParser parser, ServerStatus status,
                                 ClientKeys clients, ExecutorService sseSenders) {
        Playground playground = new Playground(lessons, runs, parser, status, clients);
        PageRoutes pages = new PageRoutes(playground);
        ApiRoutes api = new ApiRoutes(playground);
        RunEventStream events = new RunEventStream(runs, clients, sseSenders);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.fileRenderer(new ThymeleafRenderer());
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.routes.before(SecurityHeaders::apply);
            pages.register(config.routes);
            api.register(config.routes);
            events.register(config.routes);
            config.routes.exception(InvalidRunRequest.class, (e, ctx) ->
                    ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
            config.routes.exception(RunRejected.class, (e, ctx) -> ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Integer.toString(e.retryAfterSeconds())).json(Map.of("error", e.getMessage())));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == HttpStatus.NOT_FOUND.getCode() && !ctx.path().startsWith("/api/")) {
                    pages.notFound(ctx);
                } else {
                    ctx.status(e.getStatus()).json(Map.of("error", e.getMessage()));
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "internal server error"));
            });
            config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
                if (ctx.result() != null && !ctx.result().isEmpty()) return;
                if (ctx.path().startsWith("/api/")) {
                    ctx.json(Map.of("error", "not found"));
                } else {
                    pages.notFound(ctx);
                }
            });
        });
    }
}
