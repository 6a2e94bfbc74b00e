package playground.sandbox;

/**
 * Operating-system limits for one run's process tree.
 *
 * @param cpuSeconds      CPU time (RLIMIT_CPU)
 * @param memoryBytes     address space (RLIMIT_AS)
 * @param processes       processes and threads (RLIMIT_NPROC, or pids.max where cgroups are delegated)
 * @param fileSizeBytes   largest file the run may write (RLIMIT_FSIZE)
 * @param workDirBytes    total space of the work dir (tmpfs size)
 * @param openFiles       open file descriptors (RLIMIT_NOFILE)
 */
public record ResourceLimits(int cpuSeconds, long memoryBytes, int processes, long fileSizeBytes,
                             long workDirBytes, int openFiles) {

    public static ResourceLimits defaults() {
        return new ResourceLimits(5, 256L << 20, 64, 8L << 20, 16L << 20, 256);
    }
}
