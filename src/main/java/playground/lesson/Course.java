package playground.lesson;

import java.util.List;
import java.util.Optional;

/** The lessons that loaded, in order, and the problems of those that did not. */
public record Course(List<Lesson> lessons, List<LessonProblem> problems) {

    public Optional<Lesson> find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<Lesson> previous(Lesson lesson) {
        int index = lessons.indexOf(lesson);
        return index > 0 ? Optional.of(lessons.get(index - 1)) : Optional.empty();
    }

    public Optional<Lesson> next(Lesson lesson) {
        int index = lessons.indexOf(lesson);
        return index >= 0 && index + 1 < lessons.size() ? Optional.of(lessons.get(index + 1)) : Optional.empty();
    }
}
