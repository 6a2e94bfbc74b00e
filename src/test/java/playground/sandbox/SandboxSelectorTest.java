package playground.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The start-up probe on this host, and the facts it decides with. */
class SandboxSelectorTest {

    @RegisterExtension
    static final SandboxHarness harness = new SandboxHarness();

    private static SandboxSelection select(Path runnerDir, Map<String, String> settings) {
        return SandboxSelector.select(SandboxHarness.PYTHON, runnerDir, ResourceLimits.defaults(), false, settings);
    }

    @Test
    void refusesWhenTheRunnerIsOutOfTheSandboxUidsReach() throws IOException {
        if (!SandboxSelector.runningAsRoot()) {
            return; // only a root server gives runs another uid
        }
        Path locked = Files.createDirectory(harness.base.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        var choice = select(Files.createDirectory(locked.resolve("runner")), Map.of());
        assertNull(choice.sandbox());
        assertTrue(choice.description().contains("is not searchable by others (chmod o+x " + locked + ")"),
                choice.description());
    }

    @Test
    void picksBubblewrapWhenItsProbeWorks() {
        var choice = select(harness.runnerDir, Map.of());
        assertEquals("bubblewrap", choice.name(), choice.description());
        assertTrue(choice.sandbox().isolated());
        assertTrue(choice.description().startsWith("bubblewrap: "), choice.description());
    }

    @Test
    void refusesWithAReasonWhenTheProbeFails() {
        // a runner directory bubblewrap cannot bind stands in for a host where it cannot start
        var choice = select(harness.base.resolve("missing"), Map.of());
        assertEquals("none", choice.name());
        assertNull(choice.sandbox());
        assertTrue(choice.description().startsWith("No sandbox: bubblewrap could not run a test program"),
                choice.description());
        assertTrue(choice.description().contains("bwrap: Can't find source path"), choice.description());
        assertTrue(choice.description().contains("user namespaces"), choice.description());
        assertTrue(choice.description().contains("PLAYGROUND_INSECURE=1"), choice.description());
    }

    @Test
    void refusesWhenThereIsNoInterpreter() {
        var choice = SandboxSelector.select(Path.of("/nonexistent/python3"), harness.runnerDir,
                ResourceLimits.defaults(), false, Map.of());
        assertNull(choice.sandbox());
        assertTrue(choice.description().contains("/nonexistent/python3 does not exist"), choice.description());
    }

    @Test
    void aBadUidRangeIsExplained() throws IOException {
        if (!SandboxSelector.runningAsRoot()) {
            return; // only a root server reads the range
        }
        var choice = select(harness.runnerDir, Map.of("PLAYGROUND_SANDBOX_UIDS", "lots"));
        assertNull(choice.sandbox());
        assertTrue(choice.description().contains("PLAYGROUND_SANDBOX_UIDS"), choice.description());
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
        var pool = new UidPool(Path.of("/usr/bin/unshare"), 70000, 2);
        var first = pool.acquire();
        var second = pool.acquire();
        assertEquals(70000, first.uid().getAsInt());
        assertEquals(70001, second.uid().getAsInt());
        assertThrows(IOException.class, pool::acquire);
        first.close();
        first.close(); // closing twice frees the uid once
        assertEquals(70000, pool.acquire().uid().getAsInt());
        assertEquals("[/usr/bin/unshare, --setuid=70001, --setgid=70001, --]",
                second.switchCommand().toString());
    }
}
