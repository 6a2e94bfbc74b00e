package playground.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The sandbox's {@code /etc}: three neutral files instead of the host's, so
 * that a run learns nothing about the host's users or network names, yet
 * {@code localhost} resolves (asyncio servers and clients in the lessons use
 * it) and {@code getpass.getuser()} answers "student".
 */
final class SandboxEtc {

    /** The uid and gid a run has inside its user namespace. */
    static final int STUDENT_ID = 1000;

    /** The run's home and working directory inside the sandbox. */
    static final String HOME = "/home/student";

    private static final Map<String, String> FILES = Map.of(
            "passwd", "root:x:0:0:root:/root:/usr/sbin/nologin\n"
                    + "student:x:" + STUDENT_ID + ":" + STUDENT_ID + ":student:" + HOME + ":/bin/sh\n"
                    + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n",
            "group", "root:x:0:\nstudent:x:" + STUDENT_ID + ":\nnogroup:x:65534:\n",
            "hosts", "127.0.0.1 localhost sandbox\n::1 localhost ip6-localhost ip6-loopback\n",
            "nsswitch.conf", "passwd: files\ngroup: files\nhosts: files\n");

    private SandboxEtc() {
    }

    /**
     * Writes the files into a new directory under {@code parent} (world
     * readable: runs may have an unprivileged uid) and returns it. The
     * directory is removed when the JVM exits.
     */
    static Path create(Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, "playground-sandbox-etc-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.writeString(path, file.getValue());
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        return dir;
    }

    private static void deleteQuietly(Path dir) {
        for (String name : FILES.keySet()) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException ignored) {
                // best effort at shutdown
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // best effort at shutdown
        }
    }
}
