package playground.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One hostile program from {@code src/test/resources/attacks/} with the
 * expectations its header declares (see the README there).
 *
 * @param name            file name without ".py"
 * @param code            the program text, placeholders not yet filled in
 * @param expectedReasons the end reasons that count as contained
 * @param expectedStdout  text the program's stdout must contain, if any
 * @param mode            "real" or "virtual"
 */
record AttackProgram(String name, String code, Set<String> expectedReasons, Optional<String> expectedStdout,
                     String mode) {

    /** The word an attack prints when an attempt succeeded that must not. */
    static final String ESCAPED = "ESCAPED";

    /** Every attack program, in file-name order. */
    static List<AttackProgram> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(file -> file.toString().endsWith(".py")).sorted().map(AttackProgram::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The program with {@code {{SERVER_PORT}}}-style placeholders replaced. */
    String codeWith(Map<String, String> values) {
        String filled = code;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return filled;
    }

    private static AttackProgram read(Path file) {
        try {
            String code = Files.readString(file);
            String reasons = header(code, "expect-reason").orElseThrow(
                    () -> new IllegalStateException(file + " has no '# expect-reason:' line"));
            String name = file.getFileName().toString().replaceFirst("\\.py$", "");
            return new AttackProgram(name, code, Set.of(reasons.split("\\|")), header(code, "expect-stdout"),
                    header(code, "mode").orElse("real"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> header(String code, String key) {
        String prefix = "# " + key + ":";
        return code.lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).trim()).findFirst();
    }

    private static Path directory() {
        try {
            return Path.of(Objects.requireNonNull(AttackProgram.class.getResource("/attacks/README.md")).toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    static String read(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
}
