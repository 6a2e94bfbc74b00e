package playground.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies the Python runner out of the jar (resources under {@code runner/},
 * listed in {@code runner/MANIFEST}) into a directory the sandbox can bind
 * read-only. Done once at start-up.
 */
public final class RunnerFiles {
    private static final String ROOT = "runner/";

    private RunnerFiles() {
    }

    public static Path install(Path targetDir) throws IOException {
        List<String> files;
        try (InputStream manifest = resource("MANIFEST")) {
            files = new String(manifest.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
        for (String file : files) {
            if (file.contains("..") || file.startsWith("/")) throw new IOException("bad runner MANIFEST entry: " + file);
            Path target = targetDir.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = resource(file)) {
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isRegularFile(targetDir.resolve("run.py"))) throw new IOException("runner/MANIFEST does not list run.py");
        return targetDir;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = RunnerFiles.class.getClassLoader().getResourceAsStream(ROOT + name);
        if (in == null) throw new IOException("the runner file " + ROOT + name + " is missing from the build");
        return in;
    }
}
