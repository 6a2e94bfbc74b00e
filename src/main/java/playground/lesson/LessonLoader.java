package playground.lesson;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the lessons folder: one folder {@code NN-id/} per lesson holding
 * {@code zh.md}, {@code en.md}, its {@code .py} snippets and optional
 * {@code .expected} stdout files (docs/authoring.md). Every problem is
 * collected with its file and line; lessons with problems are left out and
 * the rest load.
 */
public final class LessonLoader {
    private static final Pattern FOLDER = Pattern.compile("(\\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)");

    public Course load(Path root) {
        List<LessonProblem> problems = new ArrayList<>();
        List<Lesson> lessons = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(new LessonProblem(root, 0, "the lessons folder does not exist (set PLAYGROUND_LESSONS)"));
            return new Course(List.of(), problems);
        }
        Map<String, Path> folderById = new HashMap<>();
        for (Path folder : sortedChildren(root, problems)) {
            if (!Files.isDirectory(folder) || folder.getFileName().toString().startsWith(".")) continue;
            Matcher name = FOLDER.matcher(folder.getFileName().toString());
            if (!name.matches()) {
                problems.add(new LessonProblem(folder, 0, "a lesson folder is named NN-id, e.g. 01-coroutines "
                        + "(lowercase letters, digits and '-')"));
                continue;
            }
            String id = name.group(2);
            Path earlier = folderById.putIfAbsent(id, folder);
            if (earlier != null) {
                problems.add(new LessonProblem(folder, 0, "duplicate lesson id '" + id + "': " + earlier.getFileName()
                        + " has it too"));
                continue;
            }
            List<LessonProblem> lessonProblems = new ArrayList<>();
            Lesson lesson = loadLesson(folder, id, Integer.parseInt(name.group(1)), lessonProblems);
            if (lessonProblems.isEmpty()) {
                lessons.add(lesson);
            } else {
                problems.addAll(lessonProblems);
            }
        }
        lessons.sort((a, b) -> a.order() != b.order() ? Integer.compare(a.order(), b.order()) : a.id().compareTo(b.id()));
        return new Course(List.copyOf(lessons), List.copyOf(problems));
    }

    private Lesson loadLesson(Path folder, String id, int order, List<LessonProblem> problems) {
        Map<String, Snippet> snippets = loadSnippets(folder, problems);
        Map<Language, Page> pages = new EnumMap<>(Language.class);
        List<String> sources = null;
        for (Language language : Language.values()) {
            Path file = folder.resolve(language.code() + ".md");
            if (!Files.isRegularFile(file)) {
                problems.add(new LessonProblem(file, 0, "missing translation: every lesson needs zh.md and en.md"));
                continue;
            }
            Page page = loadPage(file, snippets, problems);
            pages.put(language, page);
            if (sources == null) {
                sources = page.sources;
            } else if (!new HashSet<>(sources).equals(new HashSet<>(page.sources))) {
                problems.add(new LessonProblem(file, 1, "'sources' differ between zh.md and en.md"));
            }
        }
        for (Map.Entry<Language, Page> page : pages.entrySet()) {
            for (String name : snippets.keySet()) {
                if (!page.getValue().referenced.contains(name)) {
                    problems.add(new LessonProblem(folder.resolve(page.getKey().code() + ".md"), 0,
                            "snippet " + name + " is never placed: add a ```snippet " + name + " block"));
                }
            }
        }
        if (!problems.isEmpty()) return null;
        Page zh = pages.get(Language.ZH);
        Page en = pages.get(Language.EN);
        return new Lesson(id, order, new Localized<>(zh.title, en.title), new Localized<>(zh.summary, en.summary),
                sources, new Localized<>(zh.body, en.body), List.copyOf(snippets.values()));
    }

    private record Page(String title, String summary, List<String> sources, List<Segment> body, Set<String> referenced) {
    }

    private Page loadPage(Path file, Map<String, Snippet> snippets, List<LessonProblem> problems) {
        List<String> lines = readText(file, problems).lines().toList();
        FrontMatter front = FrontMatter.parse(file, lines, problems);
        String title = front.scalar(file, "title", problems);
        String summary = front.scalar(file, "summary", problems);
        List<String> sources = front.list(file, "sources", problems);
        int skip = Math.min(front.bodyStart() - 1, lines.size());
        String body = String.join("\n", lines.subList(skip, lines.size()));
        Set<String> referenced = new HashSet<>();
        List<Segment> segments = LessonMarkdown.render(file, body, skip, snippets, referenced, problems);
        return new Page(title, summary, sources, segments, referenced);
    }

    private Map<String, Snippet> loadSnippets(Path folder, List<LessonProblem> problems) {
        Map<String, Snippet> snippets = new TreeMap<>();
        for (Path file : sortedChildren(folder, problems)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".py")) {
                Path expectedFile = folder.resolve(name.substring(0, name.length() - 3) + ".expected");
                String expected = Files.isRegularFile(expectedFile) ? readText(expectedFile, problems) : null;
                snippets.put(name, new Snippet(name, readText(file, problems), expected));
            } else if (name.endsWith(".expected")
                    && !Files.isRegularFile(folder.resolve(name.substring(0, name.length() - 9) + ".py"))) {
                problems.add(new LessonProblem(file, 0, "no snippet " + name.replace(".expected", ".py") + " for this .expected file"));
            }
        }
        return new LinkedHashMap<>(snippets);
    }

    private static List<Path> sortedChildren(Path dir, List<LessonProblem> problems) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted().toList();
        } catch (IOException e) {
            problems.add(new LessonProblem(dir, 0, "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    private static String readText(Path file, List<LessonProblem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            problems.add(new LessonProblem(file, 0, "the file is not valid UTF-8"));
        } catch (IOException e) {
            problems.add(new LessonProblem(file, 0, "cannot read the file: " + e.getMessage()));
        }
        return "";
    }
}
