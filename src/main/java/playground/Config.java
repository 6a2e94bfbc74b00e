package playground;

import playground.run.RunLimits;
import playground.run.SchedulerLimits;
import playground.sandbox.ResourceLimits;

import java.nio.file.Path;
import java.util.Map;

/**
 * Every server setting, read once from the environment. Each has a default so
 * {@code java -jar target/asyncio-playground.jar} works with no configuration;
 * README.md lists them.
 */
public record Config(
        String host,
        int port,
        String python,
        Path lessonsDir,
        boolean insecure,
        boolean trustProxy,
        RunLimits runLimits,
        ResourceLimits resourceLimits,
        SchedulerLimits schedulerLimits,
        Map<String, String> sandboxSettings) {

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        Settings s = new Settings(env);
        int maxEvents = s.integer("PLAYGROUND_MAX_EVENTS", 50_000);
        RunLimits runLimits = new RunLimits(
                s.integer("PLAYGROUND_WALL_SECONDS", 10),
                s.integer("PLAYGROUND_VIRTUAL_WALL_SECONDS", 10),
                s.integer("PLAYGROUND_PROGRAM_SECONDS", 86_400),
                s.integer("PLAYGROUND_OUTPUT_BYTES", 1 << 20),
                maxEvents,
                s.integer("PLAYGROUND_CODE_BYTES", 64 << 10),
                s.integer("PLAYGROUND_TRACKED_TASKS", 1_000),
                // Follows a lowered event cap, so that a setting which worked before these limits still does.
                s.integer("PLAYGROUND_TASK_EVENTS", Math.min(20_000, maxEvents / 2)));
        ResourceLimits defaults = ResourceLimits.defaults();
        ResourceLimits resourceLimits = new ResourceLimits(
                s.integer("PLAYGROUND_CPU_SECONDS", defaults.cpuSeconds()),
                s.integer("PLAYGROUND_MEMORY_MB", (int) (defaults.memoryBytes() >> 20)) * (1L << 20),
                s.integer("PLAYGROUND_PROCESSES", defaults.processes()),
                s.integer("PLAYGROUND_FILE_MB", (int) (defaults.fileSizeBytes() >> 20)) * (1L << 20),
                s.integer("PLAYGROUND_WORKDIR_MB", (int) (defaults.workDirBytes() >> 20)) * (1L << 20),
                s.integer("PLAYGROUND_OPEN_FILES", defaults.openFiles()));
        SchedulerLimits schedulerLimits = new SchedulerLimits(
                s.integer("PLAYGROUND_WARM_RUNNERS", 2),
                s.integer("PLAYGROUND_MAX_RUNNING", 16),
                s.integer("PLAYGROUND_MAX_QUEUED", 100),
                s.integer("PLAYGROUND_CLIENT_RUNNING", 2),
                s.integer("PLAYGROUND_CLIENT_QUEUED", 4),
                s.integer("PLAYGROUND_KEEP_RESULTS_MINUTES", 30),
                s.integer("PLAYGROUND_KEEP_RESULTS", 2_000),
                s.integer("PLAYGROUND_REUSE_RUNS_MINUTES", 10));
        return new Config(
                s.text("HOST", "127.0.0.1"),
                s.integer("PORT", 7070),
                s.text("PLAYGROUND_PYTHON", defaultPython()),
                Path.of(s.text("PLAYGROUND_LESSONS", "lessons")),
                s.flag("PLAYGROUND_INSECURE"),
                s.flag("PLAYGROUND_TRUST_PROXY"),
                runLimits, resourceLimits, schedulerLimits, sandboxSettings(env));
    }

    /**
     * The system's interpreter when there is one: {@code python3} on PATH may
     * be a version manager's (pyenv under /root), which the sandbox's
     * unprivileged run user cannot even open, so no run could start.
     */
    private static String defaultPython() {
        return java.nio.file.Files.isExecutable(Path.of(SYSTEM_PYTHON)) ? SYSTEM_PYTHON : "python3";
    }

    private static final String SYSTEM_PYTHON = "/usr/bin/python3";

    /** The sandbox's own settings ({@code PLAYGROUND_SANDBOX_*}), read by {@code SandboxSelector}. */
    private static Map<String, String> sandboxSettings(Map<String, String> env) {
        Map<String, String> settings = new java.util.TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("PLAYGROUND_SANDBOX_")) settings.put(name, value);
        });
        return Map.copyOf(settings);
    }

    /** Reads typed values, failing with the variable's name so a typo in a teacher's setting is obvious. */
    private record Settings(Map<String, String> env) {
        String text(String name, String fallback) {
            String value = env.get(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String name, int fallback) {
            String value = text(name, null);
            if (value == null) return fallback;
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < 0) throw new NumberFormatException();
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number ≥ 0, not '" + value + "'");
            }
        }

        boolean flag(String name) {
            String value = text(name, "");
            return value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes");
        }
    }
}
