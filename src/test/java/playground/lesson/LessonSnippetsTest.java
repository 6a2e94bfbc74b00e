package playground.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import playground.support.TestServer;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course as a student meets it: every snippet of every lesson runs
 * through the real server, in the sandbox, in fast-forward mode, and prints
 * exactly its {@code .expected} stdout (or, without one, exits 0).
 */
class LessonSnippetsTest {
    private static final Path LESSONS = Path.of("lessons");

    @Test
    void theCourseLoadsWithoutProblemsAndCoversAllFiveNotes() {
        Course course = new LessonLoader().load(LESSONS);
        assertEquals(List.of(), course.problems());
        assertTrue(course.lessons().size() >= 14, "at least 14 lessons");
        Set<String> sources = new HashSet<>();
        course.lessons().forEach(lesson -> sources.addAll(lesson.sources()));
        assertEquals(Set.of("000_bfd832fc0fddf96a.txt", "001_60e978ec82c78c63.txt", "002_60f5ce90ba98bee5.txt",
                "003_008c0923ee5ea08f.txt", "004_2bd899bee9a75cfa.txt"), sources);
    }

    @TestFactory
    Stream<DynamicTest> everySnippetRunsInTheSandboxAsItsLessonSays() {
        TestServer server = TestServer.shared();
        return new LessonLoader().load(LESSONS).lessons().stream().flatMap(lesson -> lesson.snippets().stream()
                .map(snippet -> DynamicTest.dynamicTest(lesson.id() + "/" + snippet.name(), () -> {
                    JsonNode result = server.run(snippet.code(), "virtual");
                    String context = lesson.id() + "/" + snippet.name() + " → " + result.get("reason") + "\nstdout:\n"
                            + result.get("stdout").asText() + "\nstderr:\n" + result.get("stderr").asText();
                    assertEquals(0, result.get("exitCode").asInt(-1), context);
                    if (snippet.expected() != null) assertEquals(snippet.expected(), result.get("stdout").asText(), context);
                })));
    }
}
