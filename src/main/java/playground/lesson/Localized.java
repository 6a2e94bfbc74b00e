package playground.lesson;

/** A value in each of the course's two languages. */
public record Localized<T>(T zh, T en) {

    public T get(Language language) {
        return language == Language.ZH ? zh : en;
    }
}
