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
 * Per-run cgroups on the legacy (v1) hierarchies: under the server's own
 * cgroup in the {@code pids}, {@code memory} and (when writable) {@code cpu}
 * hierarchies, a {@code playground} parent shared by every playground server
 * of the host, in it a {@code server-<pid>} directory per server (so that
 * servers never touch each other's runs), and in that one child per run.
 *
 * <p>Available when those hierarchies are mounted and writable, as for a
 * root server on this machine (Debian 12 in a container with the v1 layout).
 * <ul>
 *   <li>pids: {@code pids.max} is the run's processes plus bubblewrap's two.</li>
 *   <li>memory: a cap of the address-space limit plus room for the run's two
 *       tmpfs (home and {@code /dev/shm}, whose pages are charged to it). It
 *       sits above what one process may reserve, so a single greedy process
 *       still sees a Python {@code MemoryError}; only a tree of many
 *       processes meets the cgroup's out-of-memory killer. Swap is capped the
 *       same where the kernel accounts it.</li>
 *   <li>cpu: all runs together weigh {@value #RUNS_CPU_SHARES} shares, as much
 *       as the server's session, and each run weighs the same inside, however
 *       many processes it has; so the server keeps half the CPU when every
 *       slot runs a CPU hog, and a fork bomb's spinning processes take one
 *       run's share. (256 was tried first: on a machine busy with other work,
 *       such as a CI host, runs then got so little CPU that lesson snippets
 *       met their wall-time limit.)</li>
 * </ul>
 */
final class CgroupV1 implements RunCgroups {

    private static final String PARENT = "playground";

    private static final String SERVER_PREFIX = "server-";

    /** CPU weight of all runs together, the same as the server's (cgroup v1 {@code cpu.shares}, default 1024). */
    static final int RUNS_CPU_SHARES = 1024;

    private final Path pidsParent;
    private final Path memoryParent;
    private final Optional<Path> cpuParent;

    private CgroupV1(Path pidsParent, Path memoryParent, Optional<Path> cpuParent) {
        this.pidsParent = pidsParent;
        this.memoryParent = memoryParent;
        this.cpuParent = cpuParent;
    }

    /**
     * Finds the server's own pids and memory (and cpu) cgroups and checks
     * that a run cgroup can be created under each; empty when it cannot.
     */
    static Optional<RunCgroups> detect(Path procSelf) {
        try {
            Optional<Path> pids = parent(procSelf, "pids");
            Optional<Path> memory = parent(procSelf, "memory");
            if (pids.isEmpty() || memory.isEmpty()) {
                return Optional.empty();
            }
            Optional<Path> cpu = parent(procSelf, "cpu");
            if (cpu.isPresent()) {
                Files.writeString(cpu.get().resolve("cpu.shares"), Integer.toString(RUNS_CPU_SHARES));
            }
            long self = ProcessHandle.current().pid();
            for (Path shared : cpu.isPresent() ? List.of(pids.get(), memory.get(), cpu.get())
                    : List.of(pids.get(), memory.get())) {
                removeLeftovers(shared, self);
            }
            String mine = SERVER_PREFIX + self;
            CgroupV1 cgroups = new CgroupV1(Files.createDirectories(pids.get().resolve(mine)),
                    Files.createDirectories(memory.get().resolve(mine)),
                    cpu.isPresent() ? Optional.of(Files.createDirectories(cpu.get().resolve(mine))) : Optional.empty());
            cgroups.create(ResourceLimits.defaults()).destroy();
            return Optional.of(cgroups);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The {@code playground} parent in the hierarchy of {@code controller}, made if missing; empty if it cannot be. */
    private static Optional<Path> parent(Path procSelf, String controller) {
        try {
            Optional<Path> own = CgroupPaths.ownV1Directory(procSelf, controller);
            if (own.isPresent()) {
                return Optional.of(Files.createDirectories(own.get().resolve(PARENT)));
            }
        } catch (IOException | RuntimeException e) {
            // not mounted, or not ours to write
        }
        return Optional.empty();
    }

    @Override
    public Run create(ResourceLimits limits) throws IOException {
        String name = "run-" + UUID.randomUUID().toString().substring(0, 8);
        List<Path> dirs = new ArrayList<>();
        CgroupRun run = new CgroupRun(dirs);
        try {
            Path pids = makeChild(pidsParent, name, dirs);
            Path memory = makeChild(memoryParent, name, dirs);
            if (cpuParent.isPresent()) {
                makeChild(cpuParent.get(), name, dirs);
            }
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

    private static Path makeChild(Path parent, String name, List<Path> made) throws IOException {
        Path child = Files.createDirectory(parent.resolve(name));
        made.add(child);
        return child;
    }

    @Override
    public boolean weighsCpu() {
        return cpuParent.isPresent();
    }

    @Override
    public String describe() {
        return "cgroup v1 per run (pids.max, memory cap" + (cpuParent.isPresent() ? ", cpu shares)" : ")");
    }

    /**
     * Removes what servers that are gone left in {@code shared}: their empty
     * run cgroups and then their own directories. Busy cgroups stay; live
     * servers' (this one's included: several sandboxes may share a JVM) are
     * not touched.
     */
    private static void removeLeftovers(Path shared, long self) throws IOException {
        try (Stream<Path> servers = Files.list(shared)) {
            for (Path server : servers.filter(Files::isDirectory).toList()) {
                String name = server.getFileName().toString();
                if (!name.matches(SERVER_PREFIX + "\\d+")) {
                    continue;
                }
                long pid = Long.parseLong(name.substring(SERVER_PREFIX.length()));
                if (pid == self || ProcessHandle.of(pid).isPresent()) {
                    continue;
                }
                try (Stream<Path> runs = Files.list(server)) {
                    runs.filter(Files::isDirectory).forEach(CgroupV1::deleteIfEmpty);
                }
                deleteIfEmpty(server);
            }
        }
    }

    private static void deleteIfEmpty(Path cgroup) {
        try {
            Files.delete(cgroup);
        } catch (IOException busy) {
            // still has processes or children: not ours to kill
        }
    }

    /** One run's directories; a run joins every one of them. */
    private static final class CgroupRun implements Run {
        private final List<Path> dirs;

        CgroupRun(List<Path> dirs) {
            this.dirs = dirs;
        }

        @Override
        public List<Path> tasksFiles() {
            return dirs.stream().map(dir -> dir.resolve("tasks")).toList();
        }

        @Override
        public void destroy() {
            CgroupPaths.killAndRemove(dirs);
        }
    }
}
