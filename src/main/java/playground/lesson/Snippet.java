package playground.lesson;

/**
 * A runnable program in a lesson.
 *
 * @param name     the file name in the lesson folder, e.g. {@code count_sync.py}
 * @param code     the program text
 * @param expected the exact stdout it must print (from {@code count_sync.expected}), or null when not deterministic
 */
public record Snippet(String name, String code, String expected) {
}
