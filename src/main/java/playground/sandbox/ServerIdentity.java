package playground.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs keep the (non-root) server's uid. Each run still gets its own process
 * count, because the limit is set inside the run's fresh user namespace and
 * Linux 5.14 and later count RLIMIT_NPROC per user namespace. On older
 * kernels the count is shared by every run and the server itself, and
 * {@link #describe()} says so.
 */
final class ServerIdentity implements RunIdentity {

    private static final Lease SAME_UID = new Lease() {
        @Override
        public List<String> switchCommand() {
            return List.of();
        }

        @Override
        public OptionalInt uid() {
            return OptionalInt.empty();
        }

        @Override
        public void close() {
        }
    };

    private final String kernelRelease;

    ServerIdentity() {
        this(readKernelRelease());
    }

    ServerIdentity(String kernelRelease) {
        this.kernelRelease = kernelRelease;
    }

    @Override
    public Lease acquire() {
        return SAME_UID;
    }

    @Override
    public String describe() {
        if (countsPerUserNamespace(kernelRelease)) {
            return "runs share the server's uid; processes are counted per run (own user namespace, Linux "
                    + kernelRelease + ")";
        }
        return "runs share the server's uid and Linux " + kernelRelease + " counts their processes together: "
                + "a fork bomb stops other runs from starting until it is killed (Linux 5.14+ or a root server avoid this)";
    }

    /** True from Linux 5.14, where RLIMIT_NPROC moved into per-user-namespace counters ("ucounts"). */
    static boolean countsPerUserNamespace(String release) {
        Matcher version = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(release);
        if (!version.find()) {
            return false;
        }
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        return major > 5 || (major == 5 && minor >= 14);
    }

    private static String readKernelRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
