package playground.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.support.TestServer;

/**
 * The attack programs of {@code src/test/resources/attacks/} through the
 * real server, as a student would send them: each must be contained (no
 * ESCAPED), end with the reason its header names and a sentence saying why,
 * and afterwards the servers must be healthy and a normal run must work, and
 * once they stop, nothing of the runs may be left in the process table, in
 * cgroups or on disk.
 *
 * <p>Two servers share the work, four runs at a time each: programs that the
 * server must stop (reason {@code timeout} or {@code output}) go to one with
 * a 5 s wall-time limit, so they do not make the suite slow; programs that
 * end by themselves go to one with a 60 s limit, because on a loaded machine
 * the runs' low CPU priority can stretch a CPU second over many wall seconds.
 * Both have a 1 s CPU limit.
 */
class AttackSuiteTest {

    private static final int AT_A_TIME = 4;

    /** End reasons of programs that do not end by themselves. */
    private static final Set<String> STOPPED_BY_THE_SERVER = Set.of("timeout", "output");

    @RegisterExtension
    static final SandboxHarness harness = new SandboxHarness();

    /** A server and its state directory (to check that no run directory is left in it). */
    private record Server(TestServer server, Path stateDir) {
    }

    private static Server strict;
    private static Server patient;
    private static Path secretFile;
    private static boolean stopped;

    @BeforeAll
    static void startServers() throws IOException {
        strict = startServer(5);
        patient = startServer(60);
        secretFile = Files.writeString(harness.base.resolve("server-secret.txt"), "the server's secret");
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static Server startServer(int wallSeconds) throws IOException {
        Set<Path> before = stateDirs();
        TestServer server = TestServer.start(Map.of(
                "PLAYGROUND_WALL_SECONDS", Integer.toString(wallSeconds),
                "PLAYGROUND_VIRTUAL_WALL_SECONDS", Integer.toString(wallSeconds),
                "PLAYGROUND_CPU_SECONDS", "1",
                "PLAYGROUND_CLIENT_RUNNING", Integer.toString(AT_A_TIME),
                "PLAYGROUND_CLIENT_QUEUED", Integer.toString(AT_A_TIME)));
        List<Path> started = stateDirs().stream().filter(dir -> !before.contains(dir)).toList();
        assertEquals(1, started.size(), "the server's state directory among " + started);
        return new Server(server, started.get(0));
    }

    @AfterAll
    static synchronized void stopServers() {
        if (!stopped) {
            stopped = true;
            strict.server().close();
            patient.server().close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyAttackIsContainedThroughTheServer() throws Exception {
        for (Server server : List.of(strict, patient)) {
            JsonNode health = TestServer.json(server.server().get("/api/health"));
            assertEquals("bubblewrap", health.path("sandbox").asText(), health.toString());
        }
        Map<Server, Semaphore> slots = Map.of(strict, new Semaphore(AT_A_TIME), patient, new Semaphore(AT_A_TIME));
        Map<AttackProgram, CompletableFuture<JsonNode>> results = new LinkedHashMap<>();
        for (AttackProgram attack : AttackProgram.all()) {
            boolean endsByItself = attack.expectedReasons().stream().noneMatch(STOPPED_BY_THE_SERVER::contains);
            Server server = endsByItself ? patient : strict;
            String code = attack.codeWith(Map.of(
                    "SERVER_PORT", Integer.toString(server.server().port()),
                    "SECRET_FILE", secretFile.toString(),
                    "SERVER_PID", Long.toString(ProcessHandle.current().pid())));
            Semaphore slot = slots.get(server);
            slot.acquire();
            results.put(attack, CompletableFuture.supplyAsync(() -> {
                try {
                    return server.server().run(code, attack.mode());
                } finally {
                    slot.release();
                }
            }, SandboxHarness.READERS));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (var entry : results.entrySet()) {
            JsonNode result = entry.getValue().get();
            tests.add(DynamicTest.dynamicTest(entry.getKey().name(), () -> assertContained(entry.getKey(), result)));
        }
        tests.add(DynamicTest.dynamicTest("afterwards the servers are healthy and idle", () -> {
            serverIsIdle(strict.server());
            serverIsIdle(patient.server());
        }));
        tests.add(DynamicTest.dynamicTest("afterwards a normal run works", () -> {
            JsonNode hello = strict.server().run(
                    "import asyncio\nasync def main():\n    print('hello')\nasyncio.run(main())\n", "virtual");
            assertEquals("ok", hello.path("reason").asText(), hello.toString());
            assertEquals("hello\n", hello.path("stdout").asText());
        }));
        tests.add(DynamicTest.dynamicTest("once the servers stop, nothing of the runs is left", () -> {
            stopServers(); // their warm runners, waiting for code, go with them
            nothingLeft();
        }));
        return tests.stream();
    }

    private static void assertContained(AttackProgram attack, JsonNode result) {
        String stdout = result.path("stdout").asText();
        String stderr = result.path("stderr").asText();
        String summary = "reason " + result.path("reason") + ", exit " + result.path("exitCode") + ", message "
                + result.path("message") + "\nstdout: " + shorten(stdout) + "\nstderr: " + shorten(stderr);
        assertFalse((stdout + stderr).contains(AttackProgram.ESCAPED), summary);
        assertTrue(attack.expectedReasons().contains(result.path("reason").asText()), summary);
        if (!result.path("reason").asText().equals("ok")) {
            assertFalse(result.path("message").asText().isBlank(), "a sentence says why: " + summary);
        }
        attack.expectedStdout().ifPresent(expected -> assertTrue(stdout.contains(expected), summary));
        switch (attack.name()) {
            case "forged_events" -> {
                // forged output events are just printing; forged exit, end and queued events must be ignored
                assertEquals(3, result.path("exitCode").asInt(), "the real exit status wins: " + summary);
                List<String> serverEvents = new ArrayList<>();
                for (JsonNode event : result.path("events")) {
                    String type = event.path("type").asText();
                    if (type.equals("exit") || type.equals("end") || type.equals("queued")) {
                        serverEvents.add(type + " " + event.path("exitCode").asText(event.path("code").asText()));
                        assertFalse(type.equals("queued") && event.path("position").asInt() < 0, event.toString());
                    }
                }
                assertEquals(List.of("exit 3", "end 3"), serverEvents, summary);
            }
            case "invalid_utf8" -> assertTrue(stdout.contains("\uFFFD"), summary);
            case "single_line_50mb", "raw_fd_flood", "output_flood" ->
                    assertTrue(stdout.length() + stderr.length() <= (2 << 20), "output was capped: " + summary);
            default -> {
            }
        }
    }

    private static void serverIsIdle(TestServer server) throws InterruptedException {
        JsonNode health = TestServer.json(server.get("/api/health"));
        for (int i = 0; i < 50 && health.path("running").asInt() > 0; i++) {
            Thread.sleep(100);
            health = TestServer.json(server.get("/api/health"));
        }
        assertEquals("ok", health.path("status").asText(), health.toString());
        assertEquals(0, health.path("running").asInt(), health.toString());
        assertEquals(0, health.path("queued").asInt(), health.toString());
    }

    /** No process of a run in the process table, no run cgroup, no run directory on disk. */
    private static void nothingLeft() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        List<String> left = leftovers();
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            left = leftovers();
        }
        assertEquals(List.of(), left);
    }

    /**
     * What this JVM's runs left: child processes, processes in this JVM's
     * run cgroups (where there are cgroups; other playground servers on the
     * machine may be running, under the same uids), run cgroups, the servers'
     * state directories (with the run directories in them).
     */
    private static List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>();
        ProcessHandle.current().descendants()
                .forEach(process -> left.add("process " + process.pid() + " " + process.info().command().orElse("")));
        String ourCgroups = "/playground/server-" + ProcessHandle.current().pid() + "/";
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readString(proc.resolve("cgroup")).contains(ourCgroups)) {
                        left.add("process " + proc.getFileName() + " in a run cgroup");
                    }
                } catch (IOException gone) {
                    // exited meanwhile
                }
            }
        }
        for (String hierarchy : List.of("pids", "cpu")) {
            Path ours = Path.of("/sys/fs/cgroup", hierarchy, ourCgroups);
            if (Files.isDirectory(ours)) {
                try (Stream<Path> runs = Files.list(ours)) {
                    runs.filter(Files::isDirectory).forEach(run -> left.add("cgroup " + run));
                }
            }
        }
        for (Server server : List.of(strict, patient)) {
            if (Files.exists(server.stateDir())) {
                left.add("state directory " + server.stateDir());
            }
        }
        return left;
    }

    private static Set<Path> stateDirs() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return Set.copyOf(entries.filter(p -> p.getFileName().toString().startsWith("asyncio-playground-")).toList());
        }
    }

    private static String shorten(String text) {
        return text.length() <= 1500 ? text : text.substring(0, 1500) + "… (" + text.length() + " chars)";
    }
}
