import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import playground.sandbox.ResourceLimits;
import playground.sandbox.RunnerLaunch;
import playground.sandbox.Sandbox;
import playground.sandbox.SandboxSelection;
import playground.sandbox.SandboxSelector;

/**
 * Start-up cost of the server's sandbox, measured through its public API the
 * way the server starts a run: {@code Sandbox.start(RunnerLaunch)} from the
 * JVM, with a "runner" whose {@code run.py} is empty, so the process is just
 * {@code python -I -X utf8 -u run.py --channel …} starting and exiting.
 * Three sandboxes are timed, interleaved: the unsandboxed development mode,
 * bubblewrap without per-run cgroups, and bubblewrap as the server builds it
 * with its default settings on this host (with per-run cgroups where they
 * are writable).
 * <p>
 * Run by bench/bench.py as a single-file program against the server's jar:
 * {@code java -cp target/asyncio-playground.jar bench/SandboxStartup.java PYTHON RUNS WARMUP}.
 * Prints one line per sandbox: {@code name<TAB>ms,ms,…} (milliseconds from
 * {@code start} to the process's exit), or {@code name<TAB>unavailable: why}.
 */
public final class SandboxStartup {

    public static void main(String[] args) throws Exception {
        Path python = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        Path scratch = Files.createTempDirectory("bench-sandbox-");
        try {
            Path runnerDir = Files.createDirectories(scratch.resolve("runner"));
            Files.writeString(runnerDir.resolve("run.py"), "");
            scratch.toFile().setExecutable(true, false);
            runnerDir.toFile().setExecutable(true, false);
            runnerDir.resolve("run.py").toFile().setReadable(true, false);
            ResourceLimits limits = ResourceLimits.defaults();

            Map<String, SandboxSelection> sandboxes = new LinkedHashMap<>();
            sandboxes.put("unsandboxed", SandboxSelector.select(python, runnerDir, limits, true, Map.of()));
            sandboxes.put("bubblewrap, no cgroups", SandboxSelector.select(python, runnerDir, limits, false,
                    Map.of("PLAYGROUND_SANDBOX_CGROUPS", "0")));
            sandboxes.put("bubblewrap, server default", SandboxSelector.select(python, runnerDir, limits, false, Map.of()));

            Map<String, List<Double>> millis = new LinkedHashMap<>();
            for (int i = 0; i < warmUp + runs; i++) {
                for (var entry : sandboxes.entrySet()) {
                    Sandbox sandbox = entry.getValue().sandbox();
                    if (sandbox == null) continue;
                    double taken = millisToRun(sandbox, python, runnerDir, scratch.resolve("run-" + i), limits);
                    if (i >= warmUp) millis.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(taken);
                }
            }
            for (var entry : sandboxes.entrySet()) {
                List<Double> values = millis.get(entry.getKey());
                String figures = values == null ? "unavailable: " + entry.getValue().description()
                        : String.join(",", values.stream().map(v -> String.format("%.3f", v)).toList());
                System.out.println(entry.getKey() + "\t" + figures.replace('\n', ' '));
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private static double millisToRun(Sandbox sandbox, Path python, Path runnerDir, Path runDir,
                                      ResourceLimits limits) throws Exception {
        Path workDir = Files.createDirectories(runDir.resolve("work"));
        Path channelDir = Files.createDirectories(runDir.resolve("channel"));
        runDir.toFile().setExecutable(true, false);
        channelDir.toFile().setExecutable(true, false);
        long start = System.nanoTime();
        Process process = sandbox.start(new RunnerLaunch(python, runnerDir, workDir, channelDir, limits));
        process.getOutputStream().close();
        byte[] stderr = process.getErrorStream().readAllBytes();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the trivial program did not exit within 30 s");
        }
        double taken = (System.nanoTime() - start) / 1e6;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the trivial program failed (exit " + process.exitValue() + "): "
                    + new String(stderr));
        }
        deleteTree(runDir);
        return taken;
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) Files.deleteIfExists(path);
        }
    }
}
