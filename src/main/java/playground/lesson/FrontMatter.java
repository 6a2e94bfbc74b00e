package playground.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small YAML subset lessons use at the top of each Markdown file:
 * <pre>
 * ---
 * title: Coroutines
 * summary: One sentence.
 * sources:
 *   - 000_bfd832fc0fddf96a.txt
 * ---
 * </pre>
 * Scalars are {@code key: value} (optionally quoted); lists are {@code key:}
 * followed by {@code - item} lines. Anything else is reported with its line.
 *
 * @param values    each key's values (one for a scalar)
 * @param bodyStart the 1-based line where the Markdown body begins
 */
record FrontMatter(Map<String, List<String>> values, int bodyStart) {

    static FrontMatter parse(Path file, List<String> lines, List<LessonProblem> problems) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            problems.add(new LessonProblem(file, 1, "the file must start with front matter: a line '---', "
                    + "then 'title:', 'summary:' and 'sources:', then '---'"));
            return new FrontMatter(values, 1);
        }
        String listKey = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNumber = i + 1;
            if (line.strip().equals("---")) return new FrontMatter(values, lineNumber + 1);
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            String stripped = line.strip();
            if (stripped.startsWith("- ") || stripped.equals("-")) {
                if (listKey == null) {
                    problems.add(new LessonProblem(file, lineNumber, "a list item '- …' must follow a key such as 'sources:'"));
                } else {
                    values.get(listKey).add(unquote(stripped.substring(1).strip()));
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                problems.add(new LessonProblem(file, lineNumber, "expected 'key: value' in the front matter, found '"
                        + stripped + "'"));
                listKey = null;
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (values.containsKey(key)) {
                problems.add(new LessonProblem(file, lineNumber, "'" + key + "' is given twice"));
            }
            List<String> list = new ArrayList<>();
            values.put(key, list);
            if (value.isEmpty()) {
                listKey = key;
            } else {
                list.add(unquote(value));
                listKey = null;
            }
        }
        problems.add(new LessonProblem(file, lines.size(), "the front matter is never closed: add a line '---' after it"));
        return new FrontMatter(values, lines.size() + 1);
    }

    /** The single value of a key, reporting a problem (and returning "") when it is missing or a list. */
    String scalar(Path file, String key, List<LessonProblem> problems) {
        List<String> list = values.get(key);
        if (list == null || list.size() != 1 || list.get(0).isBlank()) {
            problems.add(new LessonProblem(file, 1, "the front matter needs '" + key + ": …' with one value"));
            return "";
        }
        return list.get(0);
    }

    List<String> list(Path file, String key, List<LessonProblem> problems) {
        List<String> list = values.get(key);
        if (list == null || list.isEmpty()) {
            problems.add(new LessonProblem(file, 1, "the front matter needs '" + key + ":' followed by '- …' items"));
            return List.of();
        }
        return List.copyOf(list);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
