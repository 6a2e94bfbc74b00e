package playground.run;

import java.util.Optional;

/** Which clock a run uses: the virtual clock that skips sleeps, or real wall time. */
public enum RunMode {
    VIRTUAL("virtual"), REAL("real");

    private final String wireName;

    RunMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RunMode> fromWireName(String name) {
        for (RunMode mode : values()) {
            if (mode.wireName.equals(name)) return Optional.of(mode);
        }
        return Optional.empty();
    }
}
