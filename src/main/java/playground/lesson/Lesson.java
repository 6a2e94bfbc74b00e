package playground.lesson;

import java.util.List;
import java.util.Optional;

/**
 * One lesson of the course, loaded from its folder {@code NN-id/}.
 *
 * @param id       the folder name without its order prefix; used in URLs
 * @param order    the folder's number prefix
 * @param sources  the seed notes the lesson draws on
 * @param body     the rendered text in each language, split around its snippets
 * @param snippets every snippet file of the folder, in name order
 */
public record Lesson(String id, int order, Localized<String> title, Localized<String> summary,
                     List<String> sources, Localized<List<Segment>> body, List<Snippet> snippets) {

    public Optional<Snippet> snippet(String name) {
        return snippets.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
