package playground.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "A fork bomb or thread bomb in one run must not stop a concurrent run from
 * starting": a bomb fills its process allowance and keeps it, and meanwhile
 * a second run starts, forks and starts threads. Proved twice: with the
 * sandbox as this host builds it, and with every run under one shared uid
 * and no cgroups (what a non-root server gets), where only the per-namespace
 * process count keeps the runs apart.
 */
class ProcessBombTest {

    /** A classic fork bomb: every process forks forever; the first one reports when the limit bites. */
    private static final String FORK_BOMB = """
            import os, sys
            first = os.getpid()
            reported = False
            while True:
                try:
                    os.fork()
                except OSError:
                    if os.getpid() == first and not reported:
                        print('limit reached', flush=True)
                        reported = True
            """;

    /** Starts threads until it cannot, reports, then holds them. */
    private static final String THREAD_BOMB = """
            import threading, time
            started = 0
            try:
                while True:
                    threading.Thread(target=time.sleep, args=(120,), daemon=True).start()
                    started += 1
            except RuntimeError:
                print('limit reached', started, flush=True)
            time.sleep(120)
            """;

    /** What the concurrent, ordinary run does: a few processes and threads. */
    private static final String ORDINARY_RUN = """
            import os, threading
            for _ in range(10):
                pid = os.fork()
                if pid == 0:
                    os._exit(0)
                os.waitpid(pid, 0)
            threads = [threading.Thread(target=lambda: None) for _ in range(10)]
            for t in threads: t.start()
            for t in threads: t.join()
            print('ordinary run ok')
            """;

    @RegisterExtension
    static final SandboxHarness harness = new SandboxHarness();

    @Test
    void aForkBombDoesNotStopAConcurrentRun() throws Exception {
        var sandbox = SandboxSelector.bubblewrapForThisHost(HostTools.find(), Map.of());
        bombThenOrdinaryRun(sandbox, FORK_BOMB, 30);
    }

    @Test
    void aThreadBombDoesNotStopAConcurrentRun() throws Exception {
        var sandbox = SandboxSelector.bubblewrapForThisHost(HostTools.find(), Map.of());
        bombThenOrdinaryRun(sandbox, THREAD_BOMB, 2);
    }

    @Test
    void runsSharingOneUidWithoutCgroupsStayApart() throws Exception {
        HostTools tools = HostTools.find();
        RunIdentity sharedUid = SandboxSelector.runningAsRoot() ? new SharedUid(tools, 61999) : new ServerIdentity();
        var sandbox = new BubblewrapSandbox(tools, SandboxEtc.create(harness.base), sharedUid, Optional.empty());
        bombThenOrdinaryRun(sandbox, FORK_BOMB, 30);
    }

    private static void bombThenOrdinaryRun(BubblewrapSandbox sandbox, String bombCode, int smallestTree)
            throws Exception {
        Process bomb = sandbox.startPython(harness.launch(ResourceLimits.defaults()), List.of("-I", "-c", bombCode));
        try {
            String report = firstLine(bomb, Duration.ofSeconds(20));
            assertTrue(report.startsWith("limit reached"), "bomb said: " + report);

            long started = System.nanoTime();
            var ordinary = harness.run(sandbox::startPython, ORDINARY_RUN);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(0, ordinary.exitCode(), ordinary.stderr());
            assertEquals("ordinary run ok\n", ordinary.stdout());
            assertTrue(millis < 10_000, "the ordinary run took " + millis + " ms");
            assertTrue(bomb.isAlive(), "the bomb was still holding its processes");
        } finally {
            List<ProcessHandle> tree = bomb.descendants().toList();
            bomb.destroyForcibly().waitFor();
            assertTrue(tree.size() >= smallestTree, "the bomb's process tree had " + tree.size());
            assertNothingLeft(tree);
        }
    }

    /** Every process of the bomb's tree is gone shortly after its bubblewrap was killed. */
    private static void assertNothingLeft(List<ProcessHandle> tree) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, tree.stream().filter(ProcessHandle::isAlive).count(), "processes left of the bomb");
    }

    private static String firstLine(Process process, Duration timeout) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                return "read failed: " + e;
            }
        }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return line == null ? "(nothing; stderr: " + new String(process.getErrorStream().readNBytes(2000),
                StandardCharsets.UTF_8) + ")" : line;
    }

    /** Every run under the same unprivileged uid, as with a non-root server, but from a root test JVM. */
    private record SharedUid(HostTools tools, int uid) implements RunIdentity {
        @Override
        public Lease acquire() {
            return new Lease() {
                @Override
                public List<String> switchCommand() {
                    return UidPool.switchTo(tools.unshare(), uid);
                }

                @Override
                public OptionalInt uid() {
                    return OptionalInt.of(uid);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String describe() {
            return "all runs as uid " + uid;
        }
    }
}
