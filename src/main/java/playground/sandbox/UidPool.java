package playground.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * For a root server: every concurrent run gets a uid of its own from a fixed
 * range, switched to with util-linux {@code unshare --setuid U --setgid U}
 * before bubblewrap starts (it drops the supplementary groups too; with no
 * namespace option it makes no namespace). Not {@code setpriv}, which does
 * the same but first looks the number up as a user name through NSS:
 * 1–1.5 ms of every run's start-up, measured.
 *
 * <p>Root must switch: the kernel never holds uid 0 to RLIMIT_NPROC, so a
 * fork bomb running as root would be bounded only by the machine's pid
 * space. Distinct uids (rather than one shared unprivileged uid) keep one
 * run's process count apart from another's even on kernels older than 5.14,
 * and leave no two runs with the same identity. The uids need no entry in
 * {@code /etc/passwd}; they must be unused on the host (the default range,
 * 61000 upwards, is free on Debian) and mapped when Docker remaps users.
 */
final class UidPool implements RunIdentity {

    private final Path unshare;
    private final int firstUid;
    private final int size;
    private final BitSet inUse;

    UidPool(Path unshare, int firstUid, int size) {
        if (firstUid <= 0 || size <= 0) {
            throw new IllegalArgumentException("uid range must start above 0 and hold at least one uid");
        }
        this.unshare = unshare;
        this.firstUid = firstUid;
        this.size = size;
        this.inUse = new BitSet(size);
    }

    @Override
    public synchronized Lease acquire() throws IOException {
        int slot = inUse.nextClearBit(0);
        if (slot >= size) {
            throw new IOException("all " + size + " sandbox uids are in use; raise the uid pool size above the "
                    + "number of concurrent runs");
        }
        inUse.set(slot);
        return new UidLease(firstUid + slot);
    }

    private synchronized void release(int uid) {
        inUse.clear(uid - firstUid);
    }

    @Override
    public String describe() {
        return "each run has its own uid (" + firstUid + "-" + (firstUid + size - 1) + ")";
    }

    /** The command prefix that runs the rest of a command line as {@code uid} (and gid), with no other groups. */
    static List<String> switchTo(Path unshare, int uid) {
        return List.of(unshare.toString(), "--setuid=" + uid, "--setgid=" + uid, "--");
    }

    private final class UidLease implements Lease {
        private final int uid;
        private boolean closed;

        UidLease(int uid) {
            this.uid = uid;
        }

        @Override
        public List<String> switchCommand() {
            return switchTo(unshare, uid);
        }

        @Override
        public OptionalInt uid() {
            return OptionalInt.of(uid);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release(uid);
            }
        }
    }
}
