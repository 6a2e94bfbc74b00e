package playground.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Start-up cost of the sandbox: the same trivial program ({@code python -I -S
 * -c pass}) started and waited for through the bubblewrap sandbox and
 * through the unsandboxed mode, alternately, 20 times each after a warm-up;
 * with and without per-run cgroups (where this host allows them, a run's
 * process is moved into its cgroup, which costs the kernel an RCU grace
 * period); the medians and their differences are printed (docs/performance.md records
 * them). The assertion only catches a gross regression, since the machine
 * is shared and timings wander.
 */
class SandboxStartupBenchmarkTest {

    private static final int RUNS = 20;
    private static final int WARM_UP = 3;

    @RegisterExtension
    static final SandboxHarness harness = new SandboxHarness();

    @Test
    void sandboxStartUpOverheadIsSmall() throws IOException {
        HostTools tools = HostTools.find();
        Map<String, SandboxHarness.PythonStarter> variants = new LinkedHashMap<>();
        variants.put("unsandboxed", new UnsandboxedSandbox(tools)::startPython);
        variants.put("bubblewrap", SandboxSelector.bubblewrapForThisHost(tools,
                Map.of("PLAYGROUND_SANDBOX_CGROUPS", "0"))::startPython);
        variants.put("bubblewrap + per-run cgroups", SandboxSelector.bubblewrapForThisHost(tools, Map.of())::startPython);
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            for (var variant : variants.entrySet()) {
                double taken = millisToRun(variant.getValue());
                if (i >= WARM_UP) {
                    millis.computeIfAbsent(variant.getKey(), name -> new ArrayList<>()).add(taken);
                }
            }
        }
        double base = median(millis.get("unsandboxed"));
        millis.forEach((name, values) -> System.out.printf("start-up of python -I -S -c pass, median of %d: "
                + "%s %.1f ms (+%.1f ms)%n", RUNS, name, median(values), median(values) - base));
        double overhead = median(millis.get("bubblewrap")) - base;
        assertTrue(overhead < 30, "overhead " + overhead + " ms");
    }

    private static double millisToRun(SandboxHarness.PythonStarter starter) throws IOException {
        long start = System.nanoTime();
        var result = SandboxHarness.finish(
                starter.start(harness.launch(ResourceLimits.defaults()), List.of("-I", "-S", "-c", "pass")),
                Duration.ofSeconds(10));
        double millis = (System.nanoTime() - start) / 1e6;
        if (result.exitCode() != 0) {
            throw new AssertionError("trivial program failed: " + result.stderr());
        }
        return millis;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
