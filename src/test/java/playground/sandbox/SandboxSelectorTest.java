package playground.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The start-up probe on this host, and the facts it decides with. */
class SandboxSelectorTest {

    private static SandboxHarness harness;

    @BeforeAll
    static void scratch() throws IOException {
        harness = new SandboxHarness();
    }

    @AfterAll
    static void removeScratch() throws IOException {
        harness.close();
    }

    @Test
    void picksBubblewrapWhenItsProbeWorks() {
        var choice = SandboxSelector.select(SandboxHarness.PYTHON, harness.runnerDir, Map.of());
        assertEquals("bubblewrap", choice.healthName(), choice.explanation());
        assertTrue(choice.sandbox().orElseThrow().isolated());
        assertTrue(choice.explanation().startsWith("bubblewrap: "), choice.explanation());
    }

    @Test
    void refusesWithAReasonWhenTheProbeFails() {
        // a runner directory bubblewrap cannot bind stands in for a host where it cannot start
        var choice = SandboxSelector.select(SandboxHarness.PYTHON, harness.base.resolve("missing"), Map.of());
        assertEquals("unavailable", choice.healthName());
        assertTrue(choice.sandbox().isEmpty());
        assertTrue(choice.explanation().startsWith("No sandbox: bubblewrap could not run a test program"),
                choice.explanation());
        assertTrue(choice.explanation().contains("bwrap: Can't find source path"), choice.explanation());
        assertTrue(choice.explanation().contains("user namespaces"), choice.explanation());
        assertTrue(choice.explanation().contains("PLAYGROUND_INSECURE=1"), choice.explanation());
    }

    @Test
    void refusesWhenThereIsNoInterpreter() {
        var choice = SandboxSelector.select(Path.of("/nonexistent/python3"), harness.runnerDir, Map.of());
        assertEquals("unavailable", choice.healthName());
        assertTrue(choice.explanation().contains("/nonexistent/python3 does not exist"), choice.explanation());
    }

    @Test
    void aBadUidRangeIsExplained() throws IOException {
        if (!SandboxSelector.runningAsRoot()) {
            return; // only a root server reads the range
        }
        var choice = SandboxSelector.select(SandboxHarness.PYTHON, harness.runnerDir,
                Map.of("PLAYGROUND_SANDBOX_UIDS", "lots"));
        assertEquals("unavailable", choice.healthName());
        assertTrue(choice.explanation().contains("PLAYGROUND_SANDBOX_UIDS"), choice.explanation());
    }

    @Test
    void processCountsArePerUserNamespaceFromLinux514() {
        assertTrue(ServerIdentity.countsPerUserNamespace("6.18.44-fc-v782"));
        assertTrue(ServerIdentity.countsPerUserNamespace("5.14.0-362.el9.x86_64"));
        assertFalse(ServerIdentity.countsPerUserNamespace("5.10.0-28-amd64"));
        assertFalse(ServerIdentity.countsPerUserNamespace("4.18.0-513.el8.x86_64"));
        assertFalse(ServerIdentity.countsPerUserNamespace("unknown"));
        assertTrue(new ServerIdentity("5.4.0").describe().contains("fork bomb stops other runs"));
    }

    @Test
    void theUidPoolGivesEachRunItsOwnUid() throws IOException {
        var pool = new UidPool(Path.of("/usr/bin/setpriv"), 70000, 2);
        var first = pool.acquire();
        var second = pool.acquire();
        assertEquals(70000, first.uid().getAsInt());
        assertEquals(70001, second.uid().getAsInt());
        assertThrows(IOException.class, pool::acquire);
        first.close();
        first.close(); // closing twice frees the uid once
        assertEquals(70000, pool.acquire().uid().getAsInt());
        assertEquals("[/usr/bin/setpriv, --reuid=70001, --regid=70001, --clear-groups]",
                second.switchCommand().toString());
    }
}
