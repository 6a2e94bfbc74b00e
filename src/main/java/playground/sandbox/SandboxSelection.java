package playground.sandbox;

/**
 * The sandbox chosen at start-up.
 *
 * @param sandbox     the sandbox runs go through, or null when none works (runs are then refused)
 * @param name        "bubblewrap", or "none"
 * @param description one sentence for {@code /api/health} and the page banner: how runs are isolated, or what to
 *                    install or allow so they can be
 */
public record SandboxSelection(Sandbox sandbox, String name, String description) {
}
