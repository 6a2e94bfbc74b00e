package playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import playground.support.TestServer;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages, lessons API and the server's guards, over real HTTP. */
class PagesTest {
    private final TestServer server = TestServer.shared();

    @Test
    void homeListsTheLessonsWithSecurityHeaders() {
        HttpResponse<String> home = server.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("data-testid=\"lesson-nav\""));
        assertTrue(home.body().contains("/lessons/coroutines"));
        String csp = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", home.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void everyLessonRendersInBothLanguagesAndItsLinksResolve() {
        JsonNode lessons = TestServer.json(server.get("/api/lessons"));
        assertTrue(lessons.size() >= 14, "the course has at least 14 lessons");
        Set<String> seen = new HashSet<>();
        for (JsonNode lesson : lessons) {
            String id = lesson.get("id").asText();
            for (String lang : new String[]{"zh", "en"}) {
                HttpResponse<String> page = server.get("/lessons/" + id + "?lang=" + lang);
                assertEquals(200, page.statusCode(), id + " " + lang);
                assertTrue(page.body().contains("lang=\"" + lang + "\""), id + " " + lang);
                assertTrue(page.body().contains(Html.escape(lesson.get("title").get(lang).asText())), id + " " + lang);
                assertTrue(page.body().contains("data-testid=\"run\""), id + " has a runnable snippet");
                Matcher link = Pattern.compile("href=\"(/[^\"#?]*)").matcher(page.body());
                while (link.find()) {
                    String href = link.group(1);
                    if (seen.add(href)) assertEquals(200, server.get(href).statusCode(), "link " + href + " in " + id);
                }
            }
        }
    }

    @Test
    void lessonApiCarriesBodiesAndSnippets() {
        JsonNode lesson = TestServer.json(server.get("/api/lessons/coroutines"));
        assertTrue(lesson.get("title").has("zh") && lesson.get("title").has("en"));
        assertTrue(lesson.get("body").get("zh").asText().contains("<"));
        assertFalse(lesson.get("snippets").isEmpty());
        JsonNode snippet = lesson.get("snippets").get(0);
        assertTrue(snippet.has("name") && snippet.has("code") && snippet.has("expected"));
        assertTrue(lesson.get("sources").size() > 0);
    }

    @Test
    void unknownPagesAndLessonsGetAFriendlyNotFound() {
        HttpResponse<String> page = server.get("/lessons/no-such-lesson");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("Nothing here") || page.body().contains("这里什么也没有"), page.body());
        assertEquals(404, server.get("/no/such/page").statusCode());
        assertTrue(server.get("/no/such/page").body().contains("<html"));
        HttpResponse<String> api = server.get("/api/lessons/nope");
        assertEquals(404, api.statusCode());
        assertTrue(TestServer.json(api).has("error"));
    }

    @Test
    void theRunFormAnswersWithAConsoleFragmentOrAClearError() {
        HttpResponse<String> ok = server.post("/runs", "application/x-www-form-urlencoded", "code=print%281%29&mode=virtual");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("data-run-id="), ok.body());
        HttpResponse<String> bad = server.post("/runs", "application/x-www-form-urlencoded", "code=x&mode=warp");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("unknown mode"), bad.body());
    }
}
