package playground.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Per-run cgroups on the legacy (v1) hierarchies: one directory under the
 * server's own {@code pids} cgroup and one under its {@code memory} cgroup,
 * both inside a {@code playground} parent.
 *
 * <p>Available when those hierarchies are mounted and writable, as for a
 * root server on this machine (Debian 12 in a container with the v1 layout).
 * Each run gets {@code pids.max} (its processes plus bubblewrap's two) and a
 * memory cap of its address-space limit plus room for its two tmpfs (work
 * dir and {@code /dev/shm}, whose pages are charged to it); the cap sits above
 * what one process may reserve, so a single greedy process still sees a
 * Python {@code MemoryError} and only a tree of many processes meets the
 * cgroup's out-of-memory killer. Swap is capped the same where the kernel
 * accounts it.
 */
final class CgroupV1 implements RunCgroups {

    private static final String PARENT = "playground";

    private final Path pidsParent;
    private final Path memoryParent;

    private CgroupV1(Path pidsParent, Path memoryParent) {
        this.pidsParent = pidsParent;
        this.memoryParent = memoryParent;
    }

    /**
     * Finds the server's own pids and memory cgroups and checks that a run
     * cgroup can be created under each, or explains why not.
     */
    static Optional<RunCgroups> detect(Path procSelf) {
        try {
            Optional<Path> pids = CgroupPaths.ownV1Directory(procSelf, "pids");
            Optional<Path> memory = CgroupPaths.ownV1Directory(procSelf, "memory");
            if (pids.isEmpty() || memory.isEmpty()) {
                return Optional.empty();
            }
            CgroupV1 cgroups = new CgroupV1(pids.get().resolve(PARENT), memory.get().resolve(PARENT));
            Files.createDirectories(cgroups.pidsParent);
            Files.createDirectories(cgroups.memoryParent);
            cgroups.removeLeftovers();
            cgroups.create(ResourceLimits.defaults()).destroy();
            return Optional.of(cgroups);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Run create(ResourceLimits limits) throws IOException {
        String name = "run-" + UUID.randomUUID().toString().substring(0, 8);
        Path pids = pidsParent.resolve(name);
        Path memory = memoryParent.resolve(name);
        Files.createDirectory(pids);
        CgroupRun run = new CgroupRun(List.of(pids, memory));
        try {
            Files.createDirectory(memory);
            Files.writeString(pids.resolve("pids.max"), Long.toString(limits.processes() + 2L));
            String memoryCap = Long.toString(limits.memoryBytes() + 2 * limits.workDirBytes());
            Files.writeString(memory.resolve("memory.limit_in_bytes"), memoryCap);
            Path withSwap = memory.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(withSwap)) {
                Files.writeString(withSwap, memoryCap);
            }
            return run;
        } catch (IOException | RuntimeException e) {
            run.destroy();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "cgroup v1 per run (pids.max, memory cap)";
    }

    /** Removes empty run cgroups that a previous server left behind (busy ones stay). */
    private void removeLeftovers() throws IOException {
        for (Path parent : List.of(pidsParent, memoryParent)) {
            try (Stream<Path> children = Files.list(parent)) {
                for (Path child : children.filter(Files::isDirectory).toList()) {
                    try {
                        Files.delete(child);
                    } catch (IOException busy) {
                        // still has processes: not ours to kill
                    }
                }
            }
        }
    }

    /** One run's directories; a run joins every one of them. */
    private static final class CgroupRun implements Run {
        private final List<Path> dirs;

        CgroupRun(List<Path> dirs) {
            this.dirs = dirs;
        }

        @Override
        public List<Path> procsFiles() {
            List<Path> files = new ArrayList<>();
            for (Path dir : dirs) {
                files.add(dir.resolve("cgroup.procs"));
            }
            return files;
        }

        @Override
        public void destroy() {
            CgroupPaths.killAndRemove(dirs);
        }
    }
}
