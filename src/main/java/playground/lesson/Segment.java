package playground.lesson;

/**
 * One piece of a rendered lesson body, in order: either rendered Markdown
 * ({@code html}) or a runnable snippet. Exactly one of the two is set.
 */
public record Segment(String html, Snippet snippet) {

    public static Segment html(String html) {
        return new Segment(html, null);
    }

    public static Segment snippet(Snippet snippet) {
        return new Segment(null, snippet);
    }

    public boolean isSnippet() {
        return snippet != null;
    }
}
