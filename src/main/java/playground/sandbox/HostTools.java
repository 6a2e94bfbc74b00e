package playground.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Absolute paths of the small system programs a run's command line chains
 * together, found once at start-up: {@code sh} (raises the OOM score, sets
 * rlimits, enters the run's cgroups), {@code nice}, {@code unshare}
 * (util-linux: drops a root server to the run's uid), {@code bwrap} and
 * {@code prlimit} (util-linux: sets the process rlimit where there are no
 * cgroups; it runs inside the sandbox, so it must live under {@code /usr}).
 */
record HostTools(Path sh, Path nice, Path unshare, Path prlimit, Optional<Path> bwrap) {

    /** Where programs are looked up: the server's PATH, then the usual system directories. */
    private static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            dirs.add(Path.of(dir));
        }
        return dirs;
    }

    /** Finds the tools; {@code bwrap} may be missing (the selector reports that), the others are part of every Debian base. */
    static HostTools find() throws IOException {
        return new HostTools(require("sh"), require("nice"), require("unshare"), requireUnderUsr("prlimit"),
                locate("bwrap"));
    }

    static Optional<Path> locate(String program) {
        for (Path dir : searchPath()) {
            Path candidate = dir.resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                try {
                    return Optional.of(candidate.toRealPath());
                } catch (IOException e) {
                    // a dangling link: keep looking
                }
            }
        }
        return Optional.empty();
    }

    private static Path require(String program) throws IOException {
        return locate(program).orElseThrow(() -> new IOException(
                "'" + program + "' not found on PATH; install util-linux and coreutils"));
    }

    private static Path requireUnderUsr(String program) throws IOException {
        Path found = require(program);
        if (!found.startsWith("/usr")) {
            throw new IOException("'" + program + "' is at " + found + ", outside /usr, so a sandboxed run cannot "
                    + "use it; install util-linux from the distribution");
        }
        return found;
    }
}
