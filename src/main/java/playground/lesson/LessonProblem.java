package playground.lesson;

import java.nio.file.Path;

/**
 * Something wrong with a lesson's files, pointing at the file and line an
 * author must fix. A lesson with problems is left out; the others still serve.
 */
public record LessonProblem(Path file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
