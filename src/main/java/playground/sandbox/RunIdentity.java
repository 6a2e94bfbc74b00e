package playground.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;

/**
 * The host uid a run's processes execute as, which decides how the kernel
 * counts them against RLIMIT_NPROC.
 *
 * <p>What was found on this machine (Linux 6.18, see docs/sandbox.md):
 * <ul>
 *   <li>Processes of uid 0 are never held to RLIMIT_NPROC, so a root server
 *       must start runs under an unprivileged uid ({@link UidPool}).</li>
 *   <li>Since Linux 5.14 RLIMIT_NPROC is counted per user namespace. Set
 *       inside the sandbox's fresh namespace, the limit covers that run only:
 *       a fork bomb holding its 64 processes does not stop a concurrent run of
 *       the same uid from starting ({@link ServerIdentity} relies on this).</li>
 * </ul>
 */
interface RunIdentity {

    /** Reserves an identity for one run; close the lease once the run's process has exited. */
    Lease acquire() throws IOException;

    /** Half a sentence for {@link Sandbox#describeIsolation()}. */
    String describe();

    /** One run's identity. */
    interface Lease extends AutoCloseable {

        /** Command prefix that switches to the run's uid; empty when the run keeps the server's uid. */
        List<String> switchCommand();

        /** The run's uid when it differs from the server's (files handed to the run must belong to it). */
        OptionalInt uid();

        @Override
        void close();
    }
}
