package playground.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.Cookie;
import playground.lesson.Course;
import playground.lesson.Language;
import playground.lesson.Lesson;
import playground.lesson.LessonLibrary;
import playground.run.InvalidRunRequest;
import playground.run.RunRejected;
import playground.run.RunRequest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Server-rendered pages and the htmx fragment a Run button posts to. The
 * language comes from {@code ?lang=}, then a cookie, then the browser's
 * Accept-Language.
 */
final class PageRoutes {
    private static final String LANG_COOKIE = "lang";

    private final Playground playground;
    private final LessonLibrary lessons;
    private final ServerStatus status;

    PageRoutes(Playground playground) {
        this.playground = playground;
        this.lessons = playground.lessons();
        this.status = playground.status();
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::home);
        routes.get("/lessons/{id}", this::lesson);
        routes.post("/runs", this::runFragment);
    }

    private void home(Context ctx) {
        Map<String, Object> model = baseModel(ctx);
        ctx.render("home", model);
    }

    private void lesson(Context ctx) {
        Course course = lessons.course();
        Optional<Lesson> found = course.find(ctx.pathParam("id"));
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        Lesson lesson = found.get();
        Map<String, Object> model = baseModel(ctx);
        Language lang = (Language) model.get("lang");
        model.put("lesson", lesson);
        model.put("title", lesson.title().get(lang));
        model.put("summary", lesson.summary().get(lang));
        model.put("segments", lesson.body().get(lang));
        model.put("previous", course.previous(lesson).orElse(null));
        model.put("next", course.next(lesson).orElse(null));
        ctx.render("lesson", model);
    }

    /** The console fragment for a new run (htmx swaps it under the snippet), or a plain error fragment. */
    private void runFragment(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", language(ctx));
        try {
            RunRequest request = playground.parser().of(ctx.formParam("code"), ctx.formParam("mode"));
            model.put("run", playground.submit(ctx, request));
        } catch (InvalidRunRequest e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            model.put("error", e.getMessage());
        } catch (HttpResponseException e) {
            ctx.status(e.getStatus());
            model.put("error", e.getMessage());
        } catch (RunRejected e) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            model.put("error", e.getMessage());
        }
        ctx.render("run", model);
    }

    void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND);
        ctx.render("not-found", baseModel(ctx));
    }

    private Map<String, Object> baseModel(Context ctx) {
        Language lang = language(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("languages", Language.values());
        model.put("course", lessons.course());
        model.put("banner", status.banner());
        model.put("insecure", status.insecure());
        model.put("path", ctx.path());
        return model;
    }

    private static Language language(Context ctx) {
        Optional<Language> chosen = Language.fromCode(ctx.queryParam("lang"));
        if (chosen.isPresent()) {
            Cookie cookie = new Cookie(LANG_COOKIE, chosen.get().code());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setSameSite(io.javalin.http.SameSite.LAX);
            ctx.cookie(cookie);
            return chosen.get();
        }
        return Language.fromCode(ctx.cookie(LANG_COOKIE))
                .orElseGet(() -> Language.fromAcceptLanguage(ctx.header("Accept-Language")));
    }
}
