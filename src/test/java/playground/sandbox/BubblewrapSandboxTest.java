package playground.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bubblewrap sandbox as this host builds it, tested with real Python
 * processes: what a program inside can read, write, reach and see, and that
 * its limits hold.
 */
class BubblewrapSandboxTest {

    @RegisterExtension
    static final SandboxHarness harness = new SandboxHarness();
    private static BubblewrapSandbox sandbox;

    @BeforeAll
    static void buildSandbox() throws IOException {
        sandbox = SandboxSelector.bubblewrapForThisHost(HostTools.find(), Map.of());
    }

    private static SandboxHarness.Result run(String code) throws IOException {
        return harness.run(sandbox::startPython, code);
    }

    @Test
    void runsPythonAsTheStudentInAFreshHome() throws IOException {
        var result = run("""
                import os, socket, getpass
                print(os.getuid(), getpass.getuser(), os.getcwd(), os.environ['HOME'], socket.gethostname())
                print(sorted(os.environ))
                """);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("1000 student /home/student /home/student sandbox\n"
                + "['HOME', 'LANG', 'MALLOC_ARENA_MAX', 'PATH', 'PWD']\n", result.stdout());
    }

    @Test
    void cannotReadHostSecretsOrTheServersFiles() throws IOException {
        Path serverFile = Files.writeString(harness.base.resolve("server-secret.txt"), "secret");
        Files.setPosixFilePermissions(serverFile, PosixFilePermissions.fromString("rw-r--r--"));
        var result = run("""
                import sys
                for path in sys.argv[1:]:
                    try:
                        open(path).read()
                        print('READ', path)
                    except OSError as e:
                        print('blocked', type(e).__name__)
                print('environ of pid 1:', open('/proc/1/environ', 'rb').read())
                """.replace("sys.argv[1:]", "['/etc/shadow', '/etc/hostname', '/root/.bashrc', '"
                + serverFile + "', '" + Path.of("pom.xml").toAbsolutePath() + "']"));
        assertEquals(0, result.exitCode(), result.stderr());
        assertFalse(result.stdout().contains("READ"), result.stdout());
        assertEquals(5, result.stdout().lines().filter(line -> line.startsWith("blocked")).count());
        // pid 1 is bubblewrap's init, started with only the PWD its shell set; host processes are not visible
        assertTrue(result.stdout().endsWith("environ of pid 1: b'PWD=/\\x00'\n"), result.stdout());
    }

    @Test
    void canWriteOnlyItsOwnHome() throws IOException {
        var result = run("""
                import os
                for path in ['/x', '/usr/x', '/etc/x', '/runner/x', '/run/channel/x', '/proc/x', '/dev/x',
                             '/proc/sys/kernel/hostname']:
                    try:
                        with open(path, 'w') as f:
                            f.write('x')
                        print('WROTE', path)
                    except OSError as e:
                        print('blocked', path)
                for path in ['main.py', '/tmp/t', '/dev/shm/s']:
                    with open(path, 'w') as f:
                        f.write('ok')
                print(sorted(os.listdir('.')))
                """);
        assertEquals(0, result.exitCode(), result.stderr());
        assertFalse(result.stdout().contains("WROTE"), result.stdout());
        assertTrue(result.stdout().endsWith("['main.py', 't']\n"), result.stdout());
    }

    @Test
    void seesOnlyAnUnconfiguredLoopback() throws IOException {
        var result = run("""
                import errno, socket
                print(socket.if_nameindex())
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                try:
                    s.connect(('192.0.2.1', 9))  # TEST-NET: a route lookup, no packet is sent
                    print('ROUTE FOUND')
                except OSError as e:
                    print(errno.errorcode[e.errno])
                """);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("[(1, 'lo')]\nENETUNREACH\n", result.stdout());
    }

    @Test
    void cannotReachAListenerOnTheHostsLoopback() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            var result = run("""
                    import socket
                    try:
                        socket.create_connection(('127.0.0.1', PORT), timeout=2)
                        print('CONNECTED')
                    except OSError as e:
                        print('blocked', type(e).__name__)
                    """.replace("PORT", Integer.toString(listener.getLocalPort())));
            assertEquals(0, result.exitCode(), result.stderr());
            assertTrue(result.stdout().startsWith("blocked"), result.stdout());
            listener.setSoTimeout(200);
            try {
                listener.accept().close();
                throw new AssertionError("the sandboxed program reached the host's listener");
            } catch (SocketTimeoutException expected) {
                // nobody came
            }
        }
    }

    @Test
    void seesNoHostProcesses() throws IOException {
        var result = run("""
                import os
                pids = sorted(int(p) for p in os.listdir('/proc') if p.isdigit())
                print(pids)
                print(open('/proc/1/cmdline', 'rb').read().split(b'\\0')[0].decode())
                print(os.getpid(), os.getppid())
                """);
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> lines = result.stdout().lines().toList();
        assertEquals("[1, 2]", lines.get(0), "only bubblewrap's init and the program itself");
        assertTrue(lines.get(1).endsWith("bwrap"), lines.get(1));
        assertEquals("2 1", lines.get(2));
    }

    /**
     * The rlimits hold in the sandbox. The process limit is an rlimit only
     * without cgroups (with them, {@code pids.max} is tested below); nice 10
     * only without a run cgroup of its own in the cpu hierarchy, whose
     * weight replaces it.
     */
    @Test
    void rlimitsAndPriorityAreInForce() throws IOException {
        var result = run("""
                import os, resource as r
                for name in ['RLIMIT_CPU', 'RLIMIT_AS', 'RLIMIT_NPROC', 'RLIMIT_FSIZE', 'RLIMIT_NOFILE', 'RLIMIT_CORE']:
                    print(name, *r.getrlimit(getattr(r, name)))
                print('nice', os.nice(0))
                print('oom', open('/proc/self/oom_score_adj').read().strip())
                """);
        assertEquals(0, result.exitCode(), result.stderr());
        boolean cgroups = sandbox.describeIsolation().contains("cgroup v1");
        boolean cpuWeight = sandbox.describeIsolation().contains("cpu shares");
        String stdout = cgroups ? result.stdout().replaceFirst("RLIMIT_NPROC .*\n", "RLIMIT_NPROC (pids.max)\n")
                : result.stdout();
        assertEquals("""
                RLIMIT_CPU 5 6
                RLIMIT_AS 268435456 268435456
                RLIMIT_NPROC %s
                RLIMIT_FSIZE 8388608 8388608
                RLIMIT_NOFILE 256 256
                RLIMIT_CORE 0 0
                nice %d
                oom 1000
                """.formatted(cgroups ? "(pids.max)" : "65 65", cpuWeight ? 0 : 10), stdout);
    }

    @Test
    void withoutCgroupsTheProcessRlimitAndNiceBoundTheRun() throws IOException {
        BubblewrapSandbox withoutCgroups = SandboxSelector.bubblewrapForThisHost(HostTools.find(),
                Map.of("PLAYGROUND_SANDBOX_CGROUPS", "0"));
        var result = harness.run(withoutCgroups::startPython, """
                import os, resource as r
                print(*r.getrlimit(r.RLIMIT_NPROC), *r.getrlimit(r.RLIMIT_AS), os.nice(0))
                """);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("65 65 268435456 268435456 10\n", result.stdout());
    }

    @Test
    void aCpuHogIsStoppedBySigxcpu() throws IOException {
        var limits = new ResourceLimits(1, 256L << 20, 64, 8L << 20, 16L << 20, 256);
        var result = harness.run(sandbox::startPython, "while True: pass", limits);
        assertEquals(128 + 24, result.exitCode(), "killed by SIGXCPU (24)");
    }

    @Test
    void memoryBeyondTheLimitIsAMemoryError() throws IOException {
        var result = run("""
                try:
                    hog = bytearray(300 * 2**20)
                    print('ALLOCATED')
                except MemoryError:
                    print('MemoryError')
                """);
        assertEquals("MemoryError\n", result.stdout(), result.stderr());
    }

    @Test
    void threadsStillWorkUnderTheMemoryLimit() throws IOException {
        var result = run("""
                import threading
                from concurrent.futures import ThreadPoolExecutor
                with ThreadPoolExecutor(max_workers=20) as pool:
                    print(sum(pool.map(lambda x: x * x, range(100))))
                """);
        assertEquals("328350\n", result.stdout(), result.stderr());
    }

    @Test
    void filesAreCappedBySizeAndTheHomeBySpace() throws IOException {
        var result = run("""
                import errno, os
                def fill(name, mib):
                    try:
                        with open(name, 'wb') as f:
                            for _ in range(mib):
                                f.write(b'x' * 2**20)
                        return 'ok'
                    except OSError as e:
                        return errno.errorcode[e.errno]
                print(fill('big', 9), end=' ')
                os.remove('big')  # the failed write kept its first 8 MiB
                print(fill('a', 7), fill('b', 7), fill('c', 7))
                """);
        assertEquals("EFBIG ok ok ENOSPC\n", result.stdout(), result.stderr());
    }

    @Test
    void theRunnerCommandLineReachesTheChannelSocket() throws Exception {
        Files.writeString(harness.runnerDir.resolve("run.py"), """
                import socket, sys
                channel = sys.argv[sys.argv.index('--channel') + 1]
                s = socket.socket(socket.AF_UNIX)
                s.connect(channel)
                s.sendall(('hello from ' + sys.argv[0] + ' ' + str(sys.flags.isolated) + '\\n').encode())
                print('runner done')
                """);
        RunnerLaunch launch = harness.launch(ResourceLimits.defaults());
        Path socketPath = launch.channelDir().resolve(RunnerLaunch.SOCKET_NAME);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socketPath));
            Process process = sandbox.start(launch);
            try (SocketChannel runner = server.accept()) {
                ByteBuffer line = ByteBuffer.allocate(200);
                while (runner.read(line) > 0 && line.get(line.position() - 1) != '\n') {
                    // read until the newline
                }
                assertEquals("hello from /runner/run.py 1\n",
                        new String(line.array(), 0, line.position(), StandardCharsets.UTF_8));
            }
            var result = SandboxHarness.finish(process, Duration.ofSeconds(10));
            assertEquals(0, result.exitCode(), result.stderr());
            assertEquals("runner done\n", result.stdout());
        }
    }

    @Test
    void whereCgroupsCanBeMadeEachRunHasItsOwnAndTheyAreRemovedAfterwards() throws Exception {
        assumeTrue(sandbox.describeIsolation().contains("cgroup v1"), "no writable cgroups on this host");
        Process process = sandbox.startPython(harness.launch(ResourceLimits.defaults()), List.of("-I", "-c", """
                import time
                print(sorted(line for line in open('/proc/self/cgroup').read().splitlines()
                             if ':pids:' in line or ':memory:' in line))
                print('up', flush=True)
                time.sleep(30)
                """));
        try {
            var lines = new BufferedReader(new InputStreamReader(process.getInputStream()));
            String seenInside = lines.readLine();
            assertEquals("up", lines.readLine(), "the program started");
            // bubblewrap made the run's cgroup namespace when it was already inside the run's cgroups
            assertTrue(seenInside.matches("\\['\\d+:memory:/', '\\d+:pids:/'\\]"), seenInside);
            String ourRuns = "/playground/server-" + ProcessHandle.current().pid() + "/run-";
            List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()),
                    process.descendants()).toList();
            assertEquals(3, tree.size(), "bubblewrap, its init and python: " + tree);
            String pidsCgroup = null;
            for (ProcessHandle member : tree) {
                List<String> cgroups = Files.readAllLines(Path.of("/proc", Long.toString(member.pid()), "cgroup"));
                List<String> runCgroups = cgroups.stream().filter(line -> line.contains(ourRuns)).toList();
                assertTrue(runCgroups.stream().anyMatch(line -> line.contains(":pids:")), cgroups.toString());
                assertTrue(runCgroups.stream().anyMatch(line -> line.contains(":memory:")), cgroups.toString());
                pidsCgroup = runCgroups.stream().filter(line -> line.contains(":pids:")).findFirst().orElseThrow()
                        .split(":", 3)[2];
            }
            Path pidsDir = Path.of("/sys/fs/cgroup/pids" + pidsCgroup);
            assertEquals("66", Files.readString(pidsDir.resolve("pids.max")).trim());
            process.destroyForcibly().waitFor();
            long deadline = System.currentTimeMillis() + 5000;
            while (Files.exists(pidsDir) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(Files.exists(pidsDir), pidsDir + " was left behind");
        } finally {
            process.destroyForcibly();
        }
    }

    /** A root server's run is never root on the host: every process has one pool uid, its gid, no other groups. */
    @Test
    void aRootServersRunHasAnUnprivilegedUidOnTheHost() throws Exception {
        assumeTrue(SandboxSelector.runningAsRoot(), "only a root server switches uids");
        Process process = sandbox.startPython(harness.launch(ResourceLimits.defaults()),
                List.of("-I", "-c", "print('up', flush=True); import time; time.sleep(30)"));
        try {
            assertEquals('u', process.getInputStream().read(), "the program started");
            List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
            for (ProcessHandle member : tree) {
                List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(member.pid()), "status"));
                String uids = field(status, "Uid:");
                String uid = uids.split("\\s+")[0];
                assertTrue(Integer.parseInt(uid) >= 61000, "uid " + uids);
                assertEquals((uid + " ").repeat(4).trim(), uids, "real, effective, saved and file-system uid");
                assertEquals((uid + " ").repeat(4).trim(), field(status, "Gid:"), "gids");
                assertEquals("", field(status, "Groups:"), "supplementary groups");
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private static String field(List<String> status, String name) {
        return status.stream().filter(line -> line.startsWith(name)).findFirst().orElseThrow()
                .substring(name.length()).trim().replaceAll("\\s+", " ");
    }

    @Test
    void whereCgroupsCanBeMadeAProcessTreeSharesOneMemoryCap() throws IOException {
        assumeTrue(sandbox.describeIsolation().contains("cgroup v1"), "no writable cgroups on this host");
        // four children of 150 MiB each stay below the address-space limit one by one, not together
        var result = run("""
                import os
                children = []
                for _ in range(4):
                    pid = os.fork()
                    if pid == 0:
                        hog = bytearray(150 * 2**20)
                        hog[::4096] = b'x' * len(hog[::4096])
                        os._exit(0)
                    children.append(pid)
                statuses = [os.waitpid(pid, 0)[1] for pid in children]
                print('killed by the OOM killer:', sum(os.WIFSIGNALED(s) and os.WTERMSIG(s) == 9 for s in statuses))
                """);
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().matches("killed by the OOM killer: [1-4]\n"), result.stdout());
    }

    @Test
    void describesItself() {
        assertEquals("bubblewrap", sandbox.name());
        assertTrue(sandbox.isolated());
        assertTrue(sandbox.describeIsolation().startsWith("bubblewrap: user, pid, net"),
                sandbox.describeIsolation());
    }
}
