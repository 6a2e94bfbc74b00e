package playground.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonLoaderTest {
    @TempDir
    Path root;

    private static final String GOOD_ZH = """
            ---
            title: 协程
            summary: 第一课
            sources:
              - 000_bfd832fc0fddf96a.txt
            ---
            # 协程

            先看代码：

            ```snippet hello.py
            ```

            <script>alert(1)</script>
            """;

    private static final String GOOD_EN = GOOD_ZH.replace("title: 协程", "title: Coroutines")
            .replace("summary: 第一课", "summary: Lesson one");

    private void lesson(String folder, String zh, String en, String... files) throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder));
        if (zh != null) Files.writeString(dir.resolve("zh.md"), zh);
        if (en != null) Files.writeString(dir.resolve("en.md"), en);
        for (int i = 0; i < files.length; i += 2) Files.writeString(dir.resolve(files[i]), files[i + 1]);
    }

    private static String problems(Course course) {
        return course.problems().toString();
    }

    @Test
    void loadsALessonWithItsSnippetsInOrder() throws IOException {
        lesson("02-second", GOOD_ZH, GOOD_EN, "hello.py", "print('hi')\n");
        lesson("01-first", GOOD_ZH, GOOD_EN, "hello.py", "print('hi')\n", "hello.expected", "hi\n");
        Course course = new LessonLoader().load(root);
        assertEquals(List.of(), course.problems());
        assertEquals(List.of("first", "second"), course.lessons().stream().map(Lesson::id).toList());
        Lesson first = course.lessons().get(0);
        assertEquals("协程", first.title().zh());
        assertEquals("Coroutines", first.title().en());
        assertEquals(List.of("000_bfd832fc0fddf96a.txt"), first.sources());
        assertEquals("hi\n", first.snippet("hello.py").orElseThrow().expected());
        assertNull(course.lessons().get(1).snippet("hello.py").orElseThrow().expected());
        List<Segment> body = first.body().en();
        assertTrue(body.stream().anyMatch(Segment::isSnippet));
        String html = body.stream().filter(s -> !s.isSnippet()).map(Segment::html).reduce("", String::concat);
        assertTrue(html.contains("&lt;script&gt;"), "raw HTML in lessons is shown as text: " + html);
    }

    @Test
    void reportsBadFrontMatterWithFileAndLineAndKeepsOtherLessons() throws IOException {
        lesson("01-good", GOOD_ZH, GOOD_EN, "hello.py", "print(1)\n");
        lesson("02-broken", GOOD_ZH.replace("summary: 第一课", "summary 第一课"), GOOD_EN, "hello.py", "print(1)\n");
        Course course = new LessonLoader().load(root);
        assertEquals(List.of("good"), course.lessons().stream().map(Lesson::id).toList());
        String problems = problems(course);
        assertTrue(problems.contains("02-broken/zh.md:3: expected 'key: value'"), problems);
    }

    @Test
    void reportsAMissingSnippetFileWithItsLine() throws IOException {
        lesson("01-lost", GOOD_ZH, GOOD_EN);
        String problems = problems(new LessonLoader().load(root));
        assertTrue(problems.contains("01-lost/zh.md:11: snippet file 'hello.py' is not in the lesson folder"), problems);
    }

    @Test
    void reportsDuplicateIdsAndMissingTranslations() throws IOException {
        lesson("01-same", GOOD_ZH, GOOD_EN, "hello.py", "print(1)\n");
        lesson("02-same", GOOD_ZH, GOOD_EN, "hello.py", "print(1)\n");
        lesson("03-alone", GOOD_ZH, null, "hello.py", "print(1)\n");
        Course course = new LessonLoader().load(root);
        String problems = problems(course);
        assertTrue(problems.contains("duplicate lesson id 'same'"), problems);
        assertTrue(problems.contains("03-alone/en.md: missing translation"), problems);
        assertEquals(List.of("same"), course.lessons().stream().map(Lesson::id).toList());
    }

    @Test
    void reportsUnplacedSnippetsAndBadFolderNames() throws IOException {
        lesson("01-extra", GOOD_ZH, GOOD_EN, "hello.py", "print(1)\n", "other.py", "print(2)\n");
        lesson("Lesson Two", GOOD_ZH, GOOD_EN, "hello.py", "print(1)\n");
        String problems = problems(new LessonLoader().load(root));
        assertTrue(problems.contains("snippet other.py is never placed"), problems);
        assertTrue(problems.contains("a lesson folder is named NN-id"), problems);
    }

    @Test
    void libraryPicksUpEditsWithoutARestart() throws Exception {
        lesson("01-first", GOOD_ZH, GOOD_EN, "hello.py", "print('hi')\n");
        LessonLibrary library = new LessonLibrary(root);
        assertEquals("Coroutines", library.course().lessons().get(0).title().en());
        Files.writeString(root.resolve("01-first/en.md"), GOOD_EN.replace("title: Coroutines", "title: Coroutines, edited"));
        long deadline = System.currentTimeMillis() + 5_000;
        while (!library.course().lessons().get(0).title().en().endsWith("edited") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("Coroutines, edited", library.course().lessons().get(0).title().en());
    }
}
