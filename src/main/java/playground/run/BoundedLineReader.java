package playground.run;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads '\n'-terminated lines from an untrusted stream without ever holding
 * more than {@code maxChars} of one line: a longer line is skipped whole.
 */
final class BoundedLineReader {
    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int skippedLines;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** How many lines were too long and skipped so far. */
    int skippedLines() {
        return skippedLines;
    }

    /** The next line within the bound, without its terminator; null at end of stream. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line.length() > 0 && !tooLong ? line.toString() : null;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') position++;
            if (!tooLong) {
                line.append(buffer, start, position - start);
                if (line.length() > maxChars) {
                    tooLong = true;
                    skippedLines++;
                    line.setLength(0);
                }
            }
            if (position < limit) {
                position++;
                if (!tooLong) return line.toString();
                tooLong = false;
            }
        }
    }
}
