package playground.run;

/** A run request the server refuses, with a message that tells the sender what to fix. */
public class InvalidRunRequest extends RuntimeException {
    public InvalidRunRequest(String message) {
        super(message);
    }
}
