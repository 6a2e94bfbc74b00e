package playground.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns untrusted request bodies into {@link RunRequest}s. Every refusal says
 * what was wrong, so a student (or a tool author) can fix it.
 */
public final class RunRequestParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int maxCodeBytes;

    public RunRequestParser(int maxCodeBytes) {
        this.maxCodeBytes = maxCodeBytes;
    }

    /** Parses a JSON body {@code {"code": str, "mode": "virtual"|"real"}}; mode defaults to virtual. */
    public RunRequest fromJson(byte[] body) {
        String text = decodeUtf8(body, "the request body");
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidRunRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRunRequest("the request body must be a JSON object like {\"code\": \"print(1)\", \"mode\": \"virtual\"}");
        }
        JsonNode code = root.get("code");
        if (code == null || code.isNull()) throw new InvalidRunRequest("\"code\" is missing");
        if (!code.isTextual()) throw new InvalidRunRequest("\"code\" must be a string");
        JsonNode mode = root.get("mode");
        String modeName = null;
        if (mode != null && !mode.isNull()) {
            if (!mode.isTextual()) throw new InvalidRunRequest("\"mode\" must be \"virtual\" or \"real\"");
            modeName = mode.asText();
        }
        return of(code.asText(), modeName);
    }

    /** Validates code and mode given as separate strings (HTML forms); a null mode means virtual. */
    public RunRequest of(String code, String modeName) {
        if (code == null) throw new InvalidRunRequest("\"code\" is missing");
        int bytes = code.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxCodeBytes) {
            throw new InvalidRunRequest("the code is " + bytes + " bytes; the limit is " + maxCodeBytes + " bytes");
        }
        if (code.indexOf('\0') >= 0) throw new InvalidRunRequest("the code contains a NUL character");
        RunMode mode = modeName == null || modeName.isEmpty()
                ? RunMode.VIRTUAL
                : RunMode.fromWireName(modeName).orElseThrow(() ->
                        new InvalidRunRequest("unknown mode '" + abbreviate(modeName) + "': use \"virtual\" or \"real\""));
        return new RunRequest(code, mode);
    }

    private static String decodeUtf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRunRequest(what + " is not valid UTF-8");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
