package playground.lesson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The current course, re-read when anything under the lessons folder changes,
 * so an author's edit shows on the next page load without a restart. The
 * check is a walk of file times, done at most every {@value #CHECK_MILLIS} ms.
 */
public final class LessonLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(LessonLibrary.class);
    private static final long CHECK_MILLIS = 500;

    private final Path root;
    private final LessonLoader loader = new LessonLoader();
    private Course course;
    private long fingerprint = Long.MIN_VALUE;
    private long checkedAt;

    public LessonLibrary(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public synchronized Course course() {
        long now = System.currentTimeMillis();
        if (course != null && now - checkedAt < CHECK_MILLIS) return course;
        checkedAt = now;
        long current = fingerprint();
        if (course == null || current != fingerprint) {
            fingerprint = current;
            course = loader.load(root);
            LOG.info("loaded {} lessons from {}", course.lessons().size(), root.toAbsolutePath());
            course.problems().forEach(problem -> LOG.warn("lesson problem: {}", problem));
        }
        return course;
    }

    /** A number that changes when any file under the root is added, removed, renamed or modified. */
    private long fingerprint() {
        if (!Files.isDirectory(root)) return 0;
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.mapToLong(path -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    return path.toString().hashCode() * 31L + attributes.lastModifiedTime().toMillis() * 17 + attributes.size();
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }
}
