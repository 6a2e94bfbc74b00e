package playground.lesson;

import java.util.Locale;
import java.util.Optional;

/** The languages every lesson is written in. The code is the Markdown file's name ({@code zh.md}, {@code en.md}). */
public enum Language {
    ZH("zh", "中文"), EN("en", "English");

    private final String code;
    private final String label;

    Language(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Language other() {
        return this == ZH ? EN : ZH;
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) return Optional.empty();
        String lower = code.trim().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (lower.equals(language.code) || lower.startsWith(language.code + "-")) return Optional.of(language);
        }
        return Optional.empty();
    }

    /** The first supported language in an Accept-Language header, English when none is. */
    public static Language fromAcceptLanguage(String header) {
        if (header != null) {
            for (String part : header.split(",")) {
                Optional<Language> match = fromCode(part.split(";")[0]);
                if (match.isPresent()) return match.get();
            }
        }
        return EN;
    }
}
