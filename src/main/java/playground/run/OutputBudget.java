package playground.run;

/**
 * Counts the bytes of output a run has produced against its limit. Once the
 * limit is crossed, {@link #take} returns only the part that still fits and
 * then nothing, so partial output is kept up to the limit exactly.
 */
final class OutputBudget {
    private final long limitBytes;
    private long usedBytes;

    OutputBudget(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** The prefix of {@code text} that fits; shorter than {@code text} means the limit was reached. */
    synchronized String take(String text) {
        long room = limitBytes - usedBytes;
        if (room <= 0) return "";
        int end = 0;
        long bytes = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > room) break;
            bytes += size;
            end += Character.charCount(codePoint);
        }
        usedBytes += bytes;
        if (end < text.length()) usedBytes = limitBytes;
        return end == text.length() ? text : text.substring(0, end);
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) return 1;
        if (codePoint < 0x800) return 2;
        if (codePoint < 0x10000) return 3;
        return 4;
    }
}
