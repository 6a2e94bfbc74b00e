package playground.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The insecure development mode: same limits and environment, no isolation, and it says so. */
class UnsandboxedSandboxTest {

    @RegisterExtension
    static final SandboxHarness harness = new SandboxHarness();
    private static UnsandboxedSandbox sandbox;

    @BeforeAll
    static void build() throws IOException {
        sandbox = new UnsandboxedSandbox(HostTools.find());
    }

    @Test
    void runsInTheWorkDirWithTheSameLimitsAndEnvironment() throws IOException {
        var result = harness.run(sandbox::startPython, """
                import os, resource as r
                print(os.getcwd().endswith('/work-1'), os.environ['HOME'] == os.getcwd())
                print(sorted(os.environ))
                print(r.getrlimit(r.RLIMIT_AS), r.getrlimit(r.RLIMIT_NPROC), os.nice(0))
                """);
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("True True\n['HOME', 'LANG', 'MALLOC_ARENA_MAX', 'PATH']\n"
                + "(268435456, 268435456) (64, 64) 10\n", result.stdout());
    }

    @Test
    void isNotIsolatedAndSaysSo() throws IOException {
        var result = harness.run(sandbox::startPython, "import socket; print(len(socket.if_nameindex()) > 1)");
        assertEquals("True\n", result.stdout(), "the host's interfaces are visible: " + result.stderr());
        assertEquals("none", sandbox.name());
        assertFalse(sandbox.isolated());
        assertTrue(sandbox.describeIsolation().contains("insecure"));
    }

    @Test
    void theSelectorPicksItOnlyWhenAskedExplicitly() {
        var choice = SandboxSelector.select(SandboxHarness.PYTHON, harness.runnerDir, ResourceLimits.defaults(),
                true, Map.of());
        assertEquals("none", choice.name());
        assertFalse(choice.sandbox().isolated());
        assertTrue(choice.description().contains("PLAYGROUND_INSECURE=1"), choice.description());
    }
}
