package playground.run;

/** The server is too busy for another run now; the client may retry after {@code retryAfterSeconds}. */
public class RunRejected extends RuntimeException {
    private final int retryAfterSeconds;

    public RunRejected(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
