package playground.run;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunRequestParserTest {
    private final RunRequestParser parser = new RunRequestParser(64 * 1024);

    private String refusal(String body) {
        return assertThrows(InvalidRunRequest.class, () -> parser.fromJson(body.getBytes(StandardCharsets.UTF_8)))
                .getMessage();
    }

    @Test
    void acceptsCodeAndModeAndDefaultsToVirtual() {
        RunRequest real = parser.fromJson("{\"code\": \"print(1)\", \"mode\": \"real\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("print(1)", real.code());
        assertEquals(RunMode.REAL, real.mode());
        RunRequest plain = parser.fromJson("{\"code\": \"print('你好')\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(RunMode.VIRTUAL, plain.mode());
        assertEquals("print('你好')", plain.code());
    }

    @Test
    void saysWhatIsWrongWithBadBodies() {
        assertTrue(refusal("not json").contains("not valid JSON"));
        assertTrue(refusal("[1, 2]").contains("JSON object"));
        assertTrue(refusal("{}").contains("\"code\" is missing"));
        assertTrue(refusal("{\"code\": 42}").contains("\"code\" must be a string"));
        assertTrue(refusal("{\"code\": \"x\", \"mode\": \"turbo\"}").contains("unknown mode 'turbo'"));
        assertTrue(refusal("{\"code\": \"x\", \"mode\": 3}").contains("\"mode\" must be"));
        assertTrue(refusal("{\"code\": \"a\\u0000b\"}").contains("NUL"));
    }

    @Test
    void refusesCodeOverTheLimitInBytesNotCharacters() {
        String justFits = "x".repeat(64 * 1024);
        assertEquals(justFits, parser.of(justFits, null).code());
        String chinese = "好".repeat(22 * 1024); // 3 bytes each: 67,584 bytes
        String message = assertThrows(InvalidRunRequest.class, () -> parser.of(chinese, "virtual")).getMessage();
        assertTrue(message.contains("67584 bytes"), message);
    }

    @Test
    void refusesBodiesThatAreNotUtf8() {
        byte[] latin1 = "{\"code\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(InvalidRunRequest.class, () -> parser.fromJson(latin1));
    }
}
