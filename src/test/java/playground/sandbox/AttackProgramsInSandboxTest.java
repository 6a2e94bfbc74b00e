package playground.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every attack program run straight in the bubblewrap sandbox, all at once
 * (so they also run beside each other: the fork bomb next to the rest),
 * without the server. Each must not print ESCAPED, must print what its
 * header expects when it ends by itself, and must leave no process behind.
 * Programs that never end are killed after {@link #PATIENCE}, as the
 * server's wall-time limit would. The suite through the real server, with
 * end reasons, is {@code AttackSuiteTest}.
 */
class AttackProgramsInSandboxTest {

    /** How long a program that never ends may run before it is killed, as the server's wall-time limit would. */
    private static final Duration PATIENCE = Duration.ofSeconds(8);

    /**
     * How long a program that ends by itself may take: with all the attacks
     * at once (a fork bomb among them) on a shared machine, runs get little
     * CPU, and one CPU second can take many wall seconds.
     */
    private static final Duration PATIENCE_TO_END = Duration.ofSeconds(60);

    /** End reasons of programs that do not end by themselves (the server stops them). */
    private static final Set<String> STOPPED_BY_THE_SERVER = Set.of("timeout", "output");

    /** One second of CPU, so the CPU hog meets its limit well within the patience. */
    private static final ResourceLimits LIMITS = new ResourceLimits(1, 256L << 20, 64, 8L << 20, 16L << 20, 256);

    @RegisterExtension
    static final SandboxHarness harness = new SandboxHarness();
    private static BubblewrapSandbox sandbox;
    private static ServerSocket hostListener;
    private static Path secretFile;

    @BeforeAll
    static void setUp() throws IOException {
        sandbox = SandboxSelector.bubblewrapForThisHost(HostTools.find(), Map.of());
        hostListener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        secretFile = Files.writeString(harness.base.resolve("server-secret.txt"), "the server's secret");
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @AfterAll
    static void tearDown() throws IOException {
        hostListener.close();
    }

    /** What one attack left: its result (or null when it had to be killed) and its process tree. */
    private record Outcome(SandboxHarness.Result result, boolean killed, List<ProcessHandle> tree) {
    }

    @TestFactory
    Stream<DynamicTest> everyAttackIsContained() throws Exception {
        Map<String, String> placeholders = Map.of(
                "SERVER_PORT", Integer.toString(hostListener.getLocalPort()),
                "SECRET_FILE", secretFile.toString(),
                "SERVER_PID", Long.toString(ProcessHandle.current().pid()));
        Map<AttackProgram, CompletableFuture<Outcome>> running = new LinkedHashMap<>();
        for (AttackProgram attack : AttackProgram.all()) {
            Process process = sandbox.startPython(harness.launch(LIMITS),
                    List.of("-I", "-c", attack.codeWith(placeholders)));
            running.put(attack, CompletableFuture.supplyAsync(() -> await(process, patience(attack)),
                    SandboxHarness.READERS));
        }
        List<DynamicTest> tests = new ArrayList<>();
        assertTrue(running.size() >= 20, "only " + running.size() + " attack programs");
        for (var entry : running.entrySet()) {
            Outcome outcome = entry.getValue().get();
            tests.add(DynamicTest.dynamicTest(entry.getKey().name(), () -> assertContained(entry.getKey(), outcome)));
        }
        tests.add(DynamicTest.dynamicTest("nothing reached the host's loopback listener", () -> {
            hostListener.setSoTimeout(100);
            try {
                hostListener.accept().close();
                throw new AssertionError("a sandboxed program connected to the host's 127.0.0.1");
            } catch (SocketTimeoutException expected) {
                // nobody came
            }
        }));
        return tests.stream();
    }

    private static Duration patience(AttackProgram attack) {
        boolean endsByItself = attack.expectedReasons().stream().noneMatch(STOPPED_BY_THE_SERVER::contains);
        return endsByItself ? PATIENCE_TO_END : PATIENCE;
    }

    private static Outcome await(Process process, Duration patience) {
        List<ProcessHandle> tree = new ArrayList<>();
        CompletableFuture<SandboxHarness.Result> result =
                CompletableFuture.supplyAsync(() -> SandboxHarness.finish(process, patience.plusSeconds(60)),
                        SandboxHarness.READERS);
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                tree.addAll(process.descendants().toList());
                process.destroyForcibly().waitFor();
                return new Outcome(result.join(), true, tree);
            }
            return new Outcome(result.join(), false, tree);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 1500 ? text : text.substring(0, 1500) + "… (" + text.length() + " chars)";
    }

    private static void assertContained(AttackProgram attack, Outcome outcome) throws InterruptedException {
        var result = outcome.result();
        String both = result.stdout() + result.stderr();
        assertFalse(both.contains(AttackProgram.ESCAPED), shorten(both));
        boolean neverEnds = attack.expectedReasons().contains("timeout");
        if (!outcome.killed() && attack.expectedStdout().isPresent()) {
            assertTrue(result.stdout().contains(attack.expectedStdout().get()),
                    "stdout lacks '" + attack.expectedStdout().get() + "':\n" + shorten(both));
        }
        String summary = (outcome.killed() ? "killed after " + patience(attack).toSeconds() + " s" : "exit "
                + result.exitCode()) + "\nstdout: " + shorten(result.stdout()) + "\nstderr: " + shorten(result.stderr());
        if (attack.expectedReasons().equals(Set.of("cpu"))) {
            assertEquals(128 + 24, result.exitCode(), "killed by SIGXCPU: " + summary);
        }
        if (attack.expectedReasons().equals(Set.of("memory"))) {
            assertTrue(result.stderr().contains("MemoryError"), summary);
        }
        if (neverEnds) {
            assertTrue(outcome.killed(), "a program that never ends ended: " + shorten(both));
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (outcome.tree().stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), outcome.tree().stream().filter(ProcessHandle::isAlive).toList(),
                "processes left behind");
    }
}
