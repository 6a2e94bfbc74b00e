package playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import playground.support.TestServer;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lesson page in Debian's Chromium against a real server running real
 * Python: editor, console, timeline, replay, stop, line marks, language,
 * persistence. Every request the page makes is checked: none may leave
 * 127.0.0.1. Screenshots land in {@code target/screenshots/}.
 */
class LessonPageBrowserTest {
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--headless", "--disable-gpu",
            "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;
    private static TestServer server;
    private static String firstLesson;
    private static String secondLesson;

    private BrowserContext context;
    private Page page;
    private final List<String> foreignRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pageErrors = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void launch() {
        server = TestServer.shared();
        JsonNode lessons = TestServer.json(server.get("/api/lessons"));
        firstLesson = lessons.get(0).get("id").asText();
        secondLesson = lessons.get(1).get("id").asText();
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true).setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @BeforeEach
    void openContext() {
        openContext("en-US");
    }

    /** A fresh browser profile (empty localStorage, no cookies) whose every request is checked for its host. */
    private void openContext(String locale) {
        if (context != null) context.close();
        context = browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1100, 900));
        context.setDefaultTimeout(15_000);
        context.route("**/*", this::onlyLoopback);
        page = context.newPage();
        page.onPageError(error -> pageErrors.add(error));
    }

    private void onlyLoopback(Route route) {
        URI url = URI.create(route.request().url());
        if ("data".equals(url.getScheme()) || "127.0.0.1".equals(url.getHost())) {
            route.resume();
        } else {
            foreignRequests.add(route.request().url());
            route.abort();
        }
    }

    @AfterEach
    void checkRequestsAndErrors() {
        context.close();
        context = null;
        assertEquals(List.of(), foreignRequests, "requests that left 127.0.0.1");
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    // ---- helpers -------------------------------------------------------------------------

    private Locator openLesson(String id) {
        return openLesson(server, id);
    }

    private Locator openLesson(TestServer on, String id) {
        page.navigate(on.url("/lessons/" + id));
        Locator snippet = page.locator(".snippet").first();
        snippet.locator(".cm-editor").waitFor();
        return snippet;
    }

    /** Types a program into the snippet's editor, picks the clock and presses Run. */
    private static void run(Locator snippet, String code, String mode) {
        snippet.locator("[data-testid=editor]").fill(code);
        snippet.locator("[data-testid=mode] input[value=" + mode + "]").check();
        snippet.locator("[data-testid=run]").click();
    }

    /** Skips a fast-forward replay to its end and waits until the run is shown finished. */
    private static Locator skipToEnd(Locator snippet) {
        snippet.locator("[data-testid=skip]").click();
        return finished(snippet);
    }

    private static Locator finished(Locator snippet) {
        Locator box = snippet.locator(".console-box[data-state=finished]");
        box.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        return box;
    }

    private static List<String> lineTexts(Locator snippet) {
        return snippet.locator("[data-testid=line] .text").allTextContents();
    }

    private static double lineTime(Locator snippet, String text) {
        Locator line = snippet.locator("[data-testid=line]").filter(new Locator.FilterOptions()
                .setHas(snippet.page().locator(".text", new Page.LocatorOptions().setHasText(Pattern.compile("^" + text + "$")))));
        return Double.parseDouble(line.getAttribute("data-t"));
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    // ---- tests ---------------------------------------------------------------------------

    @Test
    void linesArriveInOrderWithProgramTimesTasksAndATimelineRowPerTask() {
        Locator snippet = openLesson(firstLesson);
        // Fast-forward finishes on the server at once, but the page replays it at real speed:
        // note when each line appears (watching from before the run: the first line comes at once).
        // (The console is made when the run starts: watch the whole snippet.)
        // The console says "finished" only with every line shown: note the line count at that moment.
        snippet.evaluate("""
                s => { window.shownAt = []; window.linesWhenFinished = null; new MutationObserver(() => {
                  const lines = s.querySelectorAll('[data-testid=line]').length;
                  while (window.shownAt.length < lines) window.shownAt.push(performance.now());
                  if (window.linesWhenFinished === null && s.querySelector('.console-box[data-state=finished]')) window.linesWhenFinished = lines;
                }).observe(s, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] }); }""");
        run(snippet, lines(
                "import asyncio",
                "",
                "async def say(word, delay):",
                "    await asyncio.sleep(delay)",
                "    print(word)",
                "",
                "async def main():",
                "    print('start')",
                "    await asyncio.gather(asyncio.create_task(say('one', 0.3), name='fast'),",
                "                         asyncio.create_task(say('two', 0.6), name='slow'))",
                "    print('end')",
                "",
                "asyncio.run(main())"), "virtual");
        finished(snippet);
        assertEquals(4, ((Number) page.evaluate("() => window.linesWhenFinished")).intValue());
        List<?> shownAt = (List<?>) page.evaluate("() => window.shownAt");
        assertEquals(4, shownAt.size());
        double replayedSeconds = (((Number) shownAt.get(3)).doubleValue() - ((Number) shownAt.get(0)).doubleValue()) / 1000;
        assertEquals(0.6, replayedSeconds, 0.15, "the replay took real time");

        assertEquals(List.of("start", "one", "two", "end"), lineTexts(snippet));
        double start = lineTime(snippet, "start");
        assertEquals(0.3, lineTime(snippet, "one") - start, 0.05);
        assertEquals(0.6, lineTime(snippet, "two") - start, 0.05);
        assertEquals(List.of("main", "fast", "slow", "main"),
                snippet.locator("[data-testid=line]").evaluateAll("ls => ls.map(l => l.dataset.task)"));
        assertThat(snippet.locator("[data-testid=line]").first().locator(".t")).hasText(Pattern.compile("^\\d+\\.\\d{3} s$"));
        assertThat(snippet.locator("[data-testid=status]")).containsText("exit code 0");
        assertThat(snippet.locator("[data-testid=status]")).containsText("fast-forward");

        Locator rows = snippet.locator("[data-testid=timeline] [data-row]");
        assertEquals(List.of("main program", "main", "fast", "slow"), rows.evaluateAll("rs => rs.map(r => r.dataset.task)"));
        Locator slowWait = snippet.locator("[data-testid=timeline] [data-task=slow] .span.waiting");
        assertThat(slowWait).hasCount(1);
        // The waiting span says what it awaits; focusing it explains it in words.
        snippet.locator("[data-testid=timeline] [data-task=slow] .item:has(.span.waiting)").focus();
        assertThat(snippet.locator(".timeline-detail")).containsText("slow waiting on sleep(0.6)");
    }

    @Test
    void stopEndsARunningProgramAtOnce() {
        Locator snippet = openLesson(firstLesson);
        run(snippet, lines(
                "import asyncio",
                "",
                "async def main():",
                "    for i in range(200):",
                "        print(i)",
                "        await asyncio.sleep(0.1)",
                "",
                "asyncio.run(main())"), "real");
        assertThat(snippet.locator("[data-testid=line]").nth(2)).isVisible();
        assertTrue(snippet.locator("[data-testid=stop]").isEnabled());
        long pressed = System.nanoTime();
        snippet.locator("[data-testid=stop]").click();
        finished(snippet);
        double stopSeconds = (System.nanoTime() - pressed) / 1e9;
        assertTrue(stopSeconds < 3, "stopped in " + stopSeconds + " s");
        assertThat(snippet.locator("[data-testid=status]")).hasAttribute("data-reason", "stopped");
        assertThat(snippet.locator(".status-message")).containsText("Stopped by you");
        assertThat(snippet.locator("[data-testid=stop]")).isDisabled();
        int count = snippet.locator("[data-testid=line]").count();
        page.waitForTimeout(400);
        assertEquals(count, snippet.locator("[data-testid=line]").count(), "no output after the stop");
        assertTrue(count < 100, "the program did not run to its end: " + count + " lines");
    }

    @Test
    void theExceptionLineAndTheBlockingLineAreMarkedInTheEditor() {
        Locator snippet = openLesson(firstLesson);
        run(snippet, lines(
                "import asyncio, time",
                "",
                "async def main():",
                "    time.sleep(0.3)",
                "    await asyncio.sleep(0.1)",
                "    raise ValueError('boom')",
                "",
                "asyncio.run(main())"), "virtual");
        skipToEnd(snippet);

        Locator blocked = snippet.locator("[data-testid=blocked-mark]");
        assertThat(blocked).hasText(Pattern.compile("time\\.sleep blocked the event loop for 0\\.3\\d? s — use await asyncio\\.sleep"));
        assertThat(snippet.locator(".cm-line.pg-line-blocked")).hasText("    time.sleep(0.3)");
        assertThat(snippet.locator("[data-testid=error-mark]")).hasText("ValueError: boom");
        assertThat(snippet.locator(".cm-line.pg-line-error")).hasText("    raise ValueError('boom')");
        // The traceback stays in the console, on stderr; the timeline shows the block in red.
        assertThat(snippet.locator("[data-testid=line][data-stream=stderr]").last()).hasText(Pattern.compile("ValueError: boom$"));
        assertThat(snippet.locator("[data-testid=line][data-stream=stderr]").first()).containsText("Traceback");
        assertThat(snippet.locator("[data-testid=timeline] [data-task=main] rect.blocked")).hasCount(1);
        assertThat(snippet.locator("[data-testid=status]")).hasAttribute("data-reason", "error");
        // Marks belong to a run: the next run starts clean.
        run(snippet, "print('fine')\n", "virtual");
        finished(snippet);
        assertThat(snippet.locator(".pg-note")).hasCount(0);
    }

    @Test
    void aFastForwardRunReplaysAtTheChosenSpeedAndSkips() {
        Locator snippet = openLesson(firstLesson);
        run(snippet, lines(
                "import asyncio",
                "",
                "async def main():",
                "    print('before')",
                "    await asyncio.sleep(5)",
                "    print('middle')",
                "    await asyncio.sleep(60)",
                "    print('after')",
                "",
                "asyncio.run(main())"), "virtual");
        assertThat(snippet.locator("[data-testid=line]")).hasCount(1);
        assertThat(snippet.locator("[data-testid=replay]")).isVisible();
        snippet.locator("[data-testid=replay] [data-speed='10']").click();
        assertThat(snippet.locator("[data-testid=replay] [data-speed='10']")).hasAttribute("aria-pressed", "true");
        // 5 s of program time at 10× is half a second of replay.
        assertThat(snippet.locator("[data-testid=line]")).hasCount(2, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(3_000));
        assertThat(snippet.locator("[data-testid=status]")).containsText("Replaying");

        snippet.locator("[data-testid=skip]").click();
        assertThat(snippet.locator("[data-testid=line]")).hasCount(3);
        finished(snippet);
        assertEquals(65.0, lineTime(snippet, "after") - lineTime(snippet, "before"), 0.05);
        assertThat(snippet.locator("[data-testid=replay] progress")).hasAttribute("value", "100");
        assertThat(snippet.locator("[data-testid=status]")).containsText("program time 65.");
    }

    @Test
    void editingStopsAReplay() {
        Locator snippet = openLesson(firstLesson);
        run(snippet, lines(
                "import asyncio",
                "async def main():",
                "    print('before')",
                "    await asyncio.sleep(3)",
                "    print('after')",
                "asyncio.run(main())"), "virtual");
        assertThat(snippet.locator("[data-testid=line]")).hasCount(1);
        snippet.locator("[data-testid=editor]").press("End");
        snippet.locator("[data-testid=editor]").pressSequentially("# edit");
        assertThat(snippet.locator(".console-box")).hasAttribute("data-state", "frozen");
        assertThat(snippet.locator(".status-message")).containsText("Replay stopped");
        page.waitForTimeout(300);
        assertThat(snippet.locator("[data-testid=line]")).hasCount(1);
        snippet.locator("[data-testid=skip]").click();
        assertEquals(List.of("before", "after"), lineTexts(snippet));
    }

    @Test
    void pastTheTrackedTasksLimitTheConsoleSaysSoAndNamesTheRestOtherTasks() {
        Locator snippet = openLesson(firstLesson);
        run(snippet, lines(
                "import asyncio",
                "",
                "async def work(i):",
                "    await asyncio.sleep(0.1)",
                "    if i in (0, 1100):",
                "        print('task', i)",
                "",
                "async def main():",
                "    await asyncio.gather(*(work(i) for i in range(1101)))",
                "",
                "asyncio.run(main())"), "virtual");
        skipToEnd(snippet);
        assertThat(snippet.locator(".line-note")).containsText("More than 1000 tasks: the timeline follows the first 1000");
        assertEquals(List.of("task 0", "task 1100"), lineTexts(snippet));
        assertEquals(List.of("work", "other tasks (untracked)"),
                snippet.locator("[data-testid=line]").evaluateAll("ls => ls.map(l => l.dataset.task)"));
        assertThat(snippet.locator("[data-testid=status]")).hasAttribute("data-reason", "ok");
    }

    @Test
    void whenTaskEventsStopTheTimelineEndsThereAndSaysWhy() {
        try (TestServer few = TestServer.start(Map.of("PLAYGROUND_TASK_EVENTS", "40"))) {
            Locator snippet = openLesson(few, firstLesson);
            run(snippet, lines(
                    "import asyncio",
                    "",
                    "async def spin():",
                    "    for _ in range(100):",
                    "        await asyncio.sleep(0.01)",
                    "",
                    "async def main():",
                    "    await asyncio.create_task(spin(), name='spinner')",
                    "    print('spun')",
                    "",
                    "asyncio.run(main())"), "virtual");
            skipToEnd(snippet);
            assertThat(snippet.locator(".line-note")).containsText("More than 40 task events: the timeline stops here");
            assertEquals(List.of("spun"), lineTexts(snippet));
            Locator stopped = snippet.locator("[data-testid=timeline] line.followed-until");
            assertThat(stopped).hasCount(1);
            // The spinner's last span ends at that line, not at the end of the run (1 s).
            double stoppedAt = ((Number) stopped.evaluate("l => l.x1.baseVal.value")).doubleValue();
            double spanEnd = ((Number) snippet.locator("[data-testid=timeline] [data-task=spinner] rect.span").last()
                    .evaluate("r => r.x.baseVal.value + r.width.baseVal.value")).doubleValue();
            assertEquals(stoppedAt, spanEnd, 1.5);
            snippet.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("timeline-stopped.png")));
        }
    }

    @Test
    void programOutputIsTextNeverMarkup() {
        Locator snippet = openLesson(firstLesson);
        run(snippet, lines(
                "print('<script>window.pwned = 1</script>')",
                "print('<img src=x onerror=\"window.pwned = 2\">')",
                "import sys; print('<b>bold</b>', file=sys.stderr)"), "virtual");
        finished(snippet);
        assertEquals(List.of("<script>window.pwned = 1</script>", "<img src=x onerror=\"window.pwned = 2\">", "<b>bold</b>"),
                lineTexts(snippet));
        Locator console = snippet.locator("[data-testid=console]");
        assertEquals(0, console.locator("script, img, b").count());
        assertNull(page.evaluate("() => window.pwned ?? null"));

        // Copy gives the program's text, as printed, without times or task names.
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        snippet.locator("[data-testid=copy]").click();
        assertThat(snippet.locator("[data-testid=copy]")).hasText("Copied");
        assertEquals(String.join("\n", lineTexts(snippet)), page.evaluate("() => navigator.clipboard.readText()"));
    }

    @Test
    void theConsoleFollowsNewOutputUnlessTheReaderScrolledUp() {
        Locator snippet = openLesson(firstLesson);
        run(snippet, lines(
                "import time",
                "for i in range(60): print('first', i)",
                "time.sleep(1)",
                "for i in range(60): print('second', i)"), "real");
        Locator console = snippet.locator("[data-testid=console]");
        assertThat(snippet.locator("[data-testid=line]")).hasCount(60);
        page.waitForTimeout(100);
        assertTrue((Boolean) console.evaluate("c => c.scrollTop > 0 && c.scrollHeight - c.scrollTop - c.clientHeight < 2"),
                "following the output: scrolled to the end");
        console.evaluate("c => { c.scrollTop = 0; }");
        assertThat(snippet.locator("[data-testid=line]")).hasCount(120);
        page.waitForTimeout(100);
        assertEquals(0, ((Number) console.evaluate("c => c.scrollTop")).intValue(), "the reader's place is kept");
    }

    @Test
    void editsPersistPerSnippetUntilReset() {
        Locator snippet = openLesson(firstLesson);
        String original = snippet.locator("textarea[name=code]").inputValue();
        snippet.locator("[data-testid=editor]").fill("print('my own version')\n");
        assertThat(snippet.locator(".edited-note")).isVisible();

        page.reload();
        snippet = page.locator(".snippet").first();
        assertThat(snippet.locator("[data-testid=editor]")).containsText("print('my own version')");
        // The hidden textarea is still the form field htmx posts: the run executes the edited code.
        snippet.locator("[data-testid=editor]").press("Control+Enter");
        finished(snippet);
        assertEquals(List.of("my own version"), lineTexts(snippet));

        snippet.locator("[data-testid=reset]").click();
        assertEquals(original, snippet.locator("textarea[name=code]").inputValue());
        assertThat(snippet.locator(".edited-note")).isHidden();
        page.reload();
        snippet = page.locator(".snippet").first();
        snippet.locator(".cm-editor").waitFor();
        assertEquals(original, snippet.locator("textarea[name=code]").inputValue());
        assertFalse(snippet.locator("[data-testid=editor]").textContent().contains("my own version"));
    }

    @Test
    void languageFollowsTheBrowserThenTheSwitchAndIsRemembered() {
        openContext("zh-CN");
        Locator snippet = openLesson(firstLesson);
        assertThat(page.locator("html")).hasAttribute("lang", "zh");
        assertThat(snippet.locator("[data-testid=run]")).hasText("运行");
        run(snippet, "import sys\nsys.exit(3)\n", "virtual");
        finished(snippet);
        assertThat(snippet.locator(".status-message")).hasText("程序以退出码 3 结束。");

        page.locator("[data-testid=lang] a", new Page.LocatorOptions().setHasText("English")).click();
        page.waitForURL(Pattern.compile(".*lang=en$"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator(".snippet").first().locator("[data-testid=run]")).hasText("Run");

        // → opens the next lesson (htmx-boosted); the language choice came along in the cookie.
        page.locator("h1").click();
        page.keyboard().press("ArrowRight");
        page.waitForURL(Pattern.compile(".*/lessons/" + secondLesson + "$"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator(".snippet").first().locator(".cm-editor")).isVisible();
        page.keyboard().press("ArrowLeft");
        page.waitForURL(Pattern.compile(".*/lessons/" + firstLesson + "$"));
        assertThat(page.locator("[data-testid=lesson-nav] a[rel=next]")).isVisible();
    }

    @Test
    void aDroppedStreamResumesFromTheLastSeqWithoutDuplicates() {
        // The first event stream is cut after a few events (as a flaky network would);
        // EventSource reconnects with Last-Event-ID and the rest arrives exactly once.
        AtomicBoolean cut = new AtomicBoolean();
        page.route("**/api/runs/*/events*", route -> {
            if (cut.getAndSet(true)) {
                route.resume();
                return;
            }
            String body = route.fetch().text();
            List<String> events = Arrays.asList(body.split("\n\n"));
            String firstHalf = String.join("\n\n", events.subList(0, events.size() / 2)) + "\n\n";
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/event-stream")
                    .setBody("retry: 50\n\n" + firstHalf));
        });
        Locator snippet = openLesson(firstLesson);
        run(snippet, lines("for i in range(12):", "    print(f'line {i}')"), "real");
        finished(snippet);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) expected.add("line " + i);
        assertEquals(expected, lineTexts(snippet));
        assertTrue(cut.get());
    }

    @Test
    void screenshotsLightDarkAndPhone() {
        Locator snippet = openLesson(firstLesson);
        run(snippet, lines(
                "import asyncio, time",
                "",
                "async def worker(name, seconds):",
                "    print(f'{name} starts')",
                "    await asyncio.sleep(seconds)",
                "    print(f'{name} done after {seconds} s')",
                "",
                "async def main():",
                "    await asyncio.gather(worker('A', 1), worker('B', 2), worker('C', 1.5))",
                "    time.sleep(0.5)",
                "    print('all done')",
                "",
                "asyncio.run(main())"), "virtual");
        skipToEnd(snippet);
        assertThat(snippet.locator("[data-testid=timeline] [data-row]")).hasCount(5);
        // Full-page screenshots would catch CodeMirror mid-re-layout: shoot the page top and the snippet.
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lesson-top-light.png")));
        snippet.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lesson-light.png")));
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        assertEquals("rgb(22, 24, 28)", page.evaluate("() => getComputedStyle(document.documentElement).backgroundColor"));
        snippet.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lesson-dark.png")));
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        page.setViewportSize(390, 844);
        page.waitForTimeout(300); // the timeline redraws for the new width
        assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= 390"), "no sideways scrolling at phone width");
        page.evaluate("() => window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lesson-top-phone.png")));
        snippet.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lesson-phone.png")));
    }
}
