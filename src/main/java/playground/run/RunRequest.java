package playground.run;

/** A validated request to run a program: its text and the clock to run it under. */
public record RunRequest(String code, RunMode mode) {
}
