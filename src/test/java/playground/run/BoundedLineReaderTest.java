package playground.run;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BoundedLineReaderTest {
    @Test
    void skipsLinesOverTheBoundAndKeepsTheOthers() throws IOException {
        String input = "short\n" + "x".repeat(50_000) + "\nafter\nlast";
        BoundedLineReader reader = new BoundedLineReader(new StringReader(input), 1000);
        assertEquals("short", reader.readLine());
        assertEquals("after", reader.readLine());
        assertEquals(1, reader.skippedLines());
        assertEquals("last", reader.readLine());
        assertNull(reader.readLine());
    }
}
