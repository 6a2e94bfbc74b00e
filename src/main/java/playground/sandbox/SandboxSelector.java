package playground.sandbox;

import java.nio.file.Path;

/** Picks the sandbox at start-up. */
public final class SandboxSelector {
    private SandboxSelector() {
    }

    public static SandboxSelection select(Path python, Path runnerDir, ResourceLimits limits, boolean insecure) {
        if (insecure) {
            return new SandboxSelection(new UnsandboxedSandbox(), "none",
                    "insecure development mode: programs run as plain child processes of the server");
        }
        return new SandboxSelection(null, "none", "no sandbox is available yet: install bubblewrap (apt-get install bubblewrap)");
    }
}
