package playground.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import playground.support.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner keeps CPython's behaviour: every program of the corpus
 * ({@code src/test/resources/corpus}) runs through the real server, in the
 * sandbox, in both clock modes, and must print exactly what plain
 * {@code python3 main.py} prints when run here, now (never stored output),
 * with the same exit status. Then what the runner adds: output attributed
 * to its task, {@code blocked} with its line, the error line, the
 * three-hour program in virtual time.
 *
 * <p>Virtual runs must match to the character. In real mode (and after a
 * virtual run switched to real time, as its {@code clock} event says) the printed
 * timings are wall-clock measurements of two different processes on a
 * shared machine, so decimal numbers may differ by the issue's ±100 ms plus
 * one unit of their last printed digit; all other text must match exactly.
 *
 * <p>One deliberate difference is normalised: CPython 3.9+ makes a script's
 * {@code __file__} absolute ({@code /tmp/x/main.py}, also in tracebacks and
 * warnings), the playground shows {@code main.py}; the plain run's directory
 * prefix is removed before comparing.
 */
class RunnerCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final Map<Path, Plain> PLAIN_RUNS = new ConcurrentHashMap<>();

    private final TestServer server = TestServer.shared();

    /** What {@code python3 main.py} did. */
    record Plain(String stdout, String stderr, int exitCode) {
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusProgramBehavesAsUnderPlainPython() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path program : corpus()) {
            for (String mode : List.of("virtual", "real")) {
                tests.add(DynamicTest.dynamicTest(program.getFileName() + " (" + mode + ")", () -> {
                    Plain plain = PLAIN_RUNS.computeIfAbsent(program, RunnerCorpusTest::runPlain);
                    JsonNode result = server.run(Files.readString(program), mode);
                    String context = program.getFileName() + " " + mode + ": " + result.get("reason")
                            + "\n--- runner stderr:\n" + result.get("stderr").asText();
                    String clock = events(result, "clock").isEmpty() ? mode : "real"; // switched: real timings
                    assertSameOutput(plain.stdout(), result.get("stdout").asText(), clock, "stdout of " + context);
                    assertSameOutput(plain.stderr(), result.get("stderr").asText(), clock, "stderr of " + context);
                    assertEquals(plain.exitCode(), result.get("exitCode").asInt(), "exit code of " + context);
                }));
            }
        }
        assertTrue(tests.size() >= 60, "at least 30 corpus programs");
        return tests.stream();
    }

    @Test
    void eachOutputLineCarriesTheNamedTaskThatPrintedIt() throws IOException {
        for (String mode : List.of("virtual", "real")) {
            JsonNode result = server.run(Files.readString(CORPUS.resolve("39_named_tasks.py")), mode);
            Map<String, String> names = taskNames(result);
            List<JsonNode> lines = events(result, "output");
            assertEquals(6, lines.size(), result.toString());
            for (JsonNode line : lines) {
                String text = line.get("text").asText();
                String expected = text.startsWith("ping") ? "pinger" : "ponger";
                assertEquals(expected, names.get(line.get("task").asText()), mode + ": " + line);
            }
        }
    }

    @Test
    void aTimeSleepInACoroutineIsReportedAsBlockedOnItsLine() throws IOException {
        Path program = CORPUS.resolve("04_corou_time_sleep.py");
        int sleepLine = lineOf(program, "time.sleep(0.5)");
        for (String mode : List.of("virtual", "real")) {
            JsonNode result = server.run(Files.readString(program), mode);
            Map<String, String> names = taskNames(result);
            List<JsonNode> blocked = events(result, "blocked");
            assertTrue(blocked.stream().anyMatch(b -> b.get("line").asInt() == sleepLine
                            && Math.abs(b.get("seconds").asDouble() - 0.5) < 0.1
                            && "corou2".equals(names.get(b.get("task").asText()))),
                    mode + ": want a blocked event on line " + sleepLine + " in corou2, got " + blocked);
        }
    }

    @Test
    void aCpuLoopHoldingTheLoopIsReportedWithALineInsideTheLoop() throws IOException {
        Path program = CORPUS.resolve("30_blocking_cpu.py");
        int from = lineOf(program, "def busy");
        int to = lineOf(program, "return n > 0");
        JsonNode result = server.run(Files.readString(program), "real");
        List<JsonNode> blocked = events(result, "blocked");
        assertTrue(blocked.stream().anyMatch(b -> b.get("line").asInt() >= from && b.get("line").asInt() <= to
                        && b.get("seconds").asDouble() > 0.15),
                "want a blocked event within lines " + from + "-" + to + ", got " + blocked);
    }

    @Test
    void theErrorEventNamesTheUserLineThroughAsyncioFrames() throws IOException {
        Path program = CORPUS.resolve("20_uncaught_exception.py");
        JsonNode result = server.run(Files.readString(program), "virtual");
        List<JsonNode> errors = events(result, "error");
        assertEquals(1, errors.size(), result.toString());
        assertEquals("ZeroDivisionError", errors.get(0).get("kind").asText());
        assertEquals(lineOf(program, "return a / b"), errors.get(0).get("line").asInt());
        assertTrue(result.get("stderr").asText().contains("File \"main.py\", line " + lineOf(program, "return a / b")));
    }

    @Test
    void threeHoursOfSleepingFinishInUnderASecondOfProgramWork() throws IOException {
        String code = Files.readString(Path.of("src/test/resources/virtual-only/three_hours.py"));
        JsonNode result = server.run(code, "virtual");
        assertEquals("elapsed 10800 s\n", result.get("stdout").asText(), result.toString());
        assertEquals(0, result.get("exitCode").asInt());
        assertTrue(result.get("durationSeconds").asDouble() >= 10800, result.toString());
        assertTrue(result.get("wallSeconds").asDouble() < 5, "wall seconds: " + result.get("wallSeconds"));
    }

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.(\\d+)");

    /** Equal text; in real mode decimal numbers within 100 ms plus one unit of their last digit. */
    static void assertSameOutput(String expected, String actual, String mode, String message) {
        if (mode.equals("virtual") || expected.equals(actual)) {
            assertEquals(expected, actual, message);
            return;
        }
        assertEquals(DECIMAL.matcher(expected).replaceAll("#"), DECIMAL.matcher(actual).replaceAll("#"), message);
        Matcher want = DECIMAL.matcher(expected);
        Matcher got = DECIMAL.matcher(actual);
        while (want.find() && got.find()) {
            double unit = Math.pow(10, -Math.min(want.group(1).length(), got.group(1).length()));
            double difference = Math.abs(Double.parseDouble(want.group()) - Double.parseDouble(got.group()));
            assertTrue(difference <= 0.1 + unit + 1e-9,
                    message + ": " + want.group() + " vs " + got.group() + " differ by more than 100 ms\n" + actual);
        }
    }

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    /** {@code python3 main.py} in a fresh directory, environment as clean as a run's. */
    private static Plain runPlain(Path program) {
        try {
            Path dir = Files.createTempDirectory("plain-python-");
            try {
                Files.copy(program, dir.resolve("main.py"));
                ProcessBuilder builder = new ProcessBuilder(TestServer.python(), "main.py").directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().clear();
                builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "HOME", dir.toString()));
                Path out = dir.resolve(".stdout");
                Path err = dir.resolve(".stderr");
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("plain python3 did not finish " + program);
                }
                String prefix = dir.toRealPath() + "/";
                return new Plain(read(out).replace(prefix, "").replace(dir + "/", ""),
                        read(err).replace(prefix, "").replace(dir + "/", ""), process.exitValue());
            } finally {
                FileTrees.deleteQuietly(dir);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run plain python3: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static int lineOf(Path program, String text) throws IOException {
        List<String> lines = Files.readAllLines(program);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) return i + 1;
        }
        throw new AssertionError(text + " not in " + program);
    }

    private static List<JsonNode> events(JsonNode result, String type) {
        List<JsonNode> found = new ArrayList<>();
        result.get("events").forEach(event -> {
            if (event.path("type").asText().equals(type)) found.add(event);
        });
        return found;
    }

    private static Map<String, String> taskNames(JsonNode result) {
        Map<String, String> names = new HashMap<>();
        events(result, "task").forEach(event -> names.put(event.get("id").asText(), event.get("name").asText()));
        return names;
    }
}
