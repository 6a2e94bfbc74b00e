package playground.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Finding the server's own cgroup directories and tearing run cgroups down. */
final class CgroupPaths {

    private static final long KILL_PATIENCE_MILLIS = 3000;

    private CgroupPaths() {
    }

    /**
     * The directory of this process's own cgroup in the v1 hierarchy that
     * carries {@code controller}, from {@code <procSelf>/cgroup} (which
     * cgroup) and {@code <procSelf>/mountinfo} (where that hierarchy is
     * mounted, and which part of it the mount shows).
     */
    static Optional<Path> ownV1Directory(Path procSelf, String controller) throws IOException {
        Optional<String> ownPath = Files.readAllLines(procSelf.resolve("cgroup")).stream()
                .map(line -> line.split(":", 3))
                .filter(fields -> fields.length == 3
                        && Arrays.asList(fields[1].split(",")).contains(controller))
                .map(fields -> fields[2])
                .findFirst();
        if (ownPath.isEmpty()) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(procSelf.resolve("mountinfo"))) {
            String[] halves = line.split(" - ", 2);
            if (halves.length < 2) {
                continue;
            }
            String[] mount = halves[0].split(" ");
            String[] source = halves[1].split(" ");
            if (mount.length < 5 || source.length < 3 || !source[0].equals("cgroup")
                    || !Arrays.asList(source[2].split(",")).contains(controller)) {
                continue;
            }
            String mountRoot = mount[3];
            String path = ownPath.get();
            if (!mountRoot.equals("/")) {
                if (!path.equals(mountRoot) && !path.startsWith(mountRoot + "/")) {
                    continue;
                }
                path = path.substring(mountRoot.length());
            }
            return Optional.of(Path.of(mount[4], path.replaceFirst("^/+", "")));
        }
        return Optional.empty();
    }

    /**
     * SIGKILLs every process still listed in the cgroups and removes the
     * directories, retrying while the dying processes leave (a cgroup with
     * members cannot be removed). Gives up quietly after a few seconds: a
     * leftover directory is harmless and is removed at the next start.
     */
    static void killAndRemove(List<Path> dirs) {
        long deadline = System.currentTimeMillis() + KILL_PATIENCE_MILLIS;
        for (Path dir : dirs) {
            while (true) {
                killMembers(dir);
                try {
                    Files.deleteIfExists(dir);
                    break;
                } catch (IOException busy) {
                    if (System.currentTimeMillis() > deadline) {
                        break;
                    }
                    pause();
                }
            }
        }
    }

    private static void killMembers(Path dir) {
        List<String> pids;
        try {
            pids = Files.readAllLines(dir.resolve("cgroup.procs"));
        } catch (IOException gone) {
            return;
        }
        for (String pid : pids) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
