package playground.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The interpreter runs use, resolved once at start-up: {@code python3} on
 * PATH may be a shim script (pyenv) that costs ~100 ms per start and points
 * at a prefix the sandbox must bind, so the server asks it for its real
 * executable and version.
 *
 * @param executable the real interpreter file
 * @param prefix     {@code sys.base_prefix}, the tree the interpreter needs
 * @param version    e.g. "3.11.2"
 */
public record PythonInterpreter(Path executable, Path prefix, String version) {

    public static PythonInterpreter resolve(String command) throws IOException {
        Process process = new ProcessBuilder(command, "-I", "-c",
                "import sys, platform; print(sys.executable); print(sys.base_prefix); print(platform.python_version())")
                .redirectErrorStream(true).start();
        String output;
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("'" + command + "' did not answer within 20 s");
            }
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + command + " for its version");
        }
        List<String> lines = output.lines().toList();
        if (process.exitValue() != 0 || lines.size() < 3) {
            throw new IOException("'" + command + "' is not a working Python: " + output.strip());
        }
        String version = lines.get(2).strip();
        String[] parts = version.split("\\.");
        if (parts.length < 2 || Integer.parseInt(parts[0]) != 3 || Integer.parseInt(parts[1]) < 11) {
            throw new IOException("Python 3.11 or newer is needed; '" + command + "' is " + version);
        }
        return new PythonInterpreter(Path.of(lines.get(0).strip()).toRealPath(), Path.of(lines.get(1).strip()), version);
    }
}
