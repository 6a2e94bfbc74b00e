package playground.web;

/**
 * What the server found at start-up about its ability to run programs,
 * shown in {@code /api/health} and, when something is wrong, on every page.
 *
 * @param sandbox        "bubblewrap", or "none" when runs are not isolated
 * @param isolation      one sentence on how runs are isolated (or why they cannot be)
 * @param runsAllowed    false when no sandbox works and insecure mode was not asked for
 * @param insecure       the operator explicitly chose to run without a sandbox
 * @param pythonVersion  the interpreter's version
 */
public record ServerStatus(String sandbox, String isolation, boolean runsAllowed, boolean insecure, String pythonVersion) {

    /** The banner every page shows, or null when all is well. */
    public String banner() {
        if (!runsAllowed) return "Programs cannot run on this server: " + isolation;
        if (insecure) return "Insecure development mode: programs run WITHOUT a sandbox. Never use this with students.";
        return null;
    }
}
