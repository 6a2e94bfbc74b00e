package playground.run;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's own event checks ({@code compare_corpus.py --only checks}),
 * which need to hold the runner process in their hands (stop it with
 * SIGSTOP mid-computation, read its channel live) and so drive it directly
 * rather than through the server: attribution, blocked lines, waiting
 * labels, ±20 ms virtual timings, clock switches, the three-hour program,
 * the program-time limit, virtual time that ignores a paused process.
 */
class RunnerEventChecksTest {

    @Test
    void theRunnersEventChecksPassUnderTheServersInterpreter() throws IOException, InterruptedException {
        PythonInterpreter python = PythonInterpreter.resolve("python3");
        Process process = new ProcessBuilder(python.executable().toString(), "src/test/python/compare_corpus.py",
                "--python", python.executable().toString(), "--only", "checks")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the checks did not finish:\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("ok   check_paused_process (virtual)"), output);
    }
}
