package playground.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates one line from the runner's channel. The channel lives inside the
 * student's process, so anything may arrive: only the event types and fields
 * of the protocol (docs/runner-protocol.md) pass, with the right JSON types
 * and capped strings; everything else is dropped. A forged line can therefore
 * only change what that student's own page shows, never the server's view of
 * how the run ended ({@code exit} and {@code end} are the server's).
 */
public final class EventSanitizer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int MAX_LABEL = 200;
    static final int MAX_MESSAGE = 2_000;

    private enum Kind { LABEL, MESSAGE, TEXT, NUMBER, LINE, NULLABLE_LABEL }

    private static final Set<String> STREAMS = Set.of("stdout", "stderr");
    private static final Set<String> TASK_STATES = Set.of("created", "running", "waiting", "done", "cancelled", "failed");
    private static final Set<String> NOTICE_KINDS = Set.of("tracked-tasks", "task-events");

    private static final Map<String, Map<String, Kind>> FIELDS = Map.of(
            "start", Map.of("python", Kind.LABEL, "mode", Kind.LABEL),
            "output", Map.of("stream", Kind.LABEL, "task", Kind.NULLABLE_LABEL, "text", Kind.TEXT),
            "task", Map.of("id", Kind.LABEL, "name", Kind.LABEL, "parent", Kind.NULLABLE_LABEL, "state", Kind.LABEL,
                    "awaiting", Kind.MESSAGE, "line", Kind.LINE),
            "blocked", Map.of("task", Kind.NULLABLE_LABEL, "seconds", Kind.NUMBER, "line", Kind.LINE),
            "clock", Map.of("mode", Kind.LABEL, "reason", Kind.MESSAGE),
            "notice", Map.of("kind", Kind.LABEL, "limit", Kind.NUMBER),
            "error", Map.of("kind", Kind.LABEL, "message", Kind.MESSAGE, "line", Kind.LINE));

    /** The cleaned event, or empty when the line is not an acceptable event. */
    public Optional<ObjectNode> sanitize(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) return Optional.empty();
        String type = root.path("type").asText("");
        Map<String, Kind> fields = FIELDS.get(type);
        if (fields == null) return Optional.empty();
        ObjectNode clean = NODES.objectNode().put("type", type);
        if (!copyTime(root, clean, "t") || !copyTime(root, clean, "wall")) return Optional.empty();
        for (Map.Entry<String, Kind> field : fields.entrySet()) {
            if (!copy(root.get(field.getKey()), field.getKey(), field.getValue(), clean)) return Optional.empty();
        }
        if (type.equals("output") && !STREAMS.contains(clean.path("stream").asText())) return Optional.empty();
        if (type.equals("task") && !TASK_STATES.contains(clean.path("state").asText())) return Optional.empty();
        if (type.equals("notice") && !NOTICE_KINDS.contains(clean.path("kind").asText())) return Optional.empty();
        return Optional.of(clean);
    }

    private static boolean copyTime(JsonNode from, ObjectNode to, String name) {
        JsonNode value = from.get(name);
        if (value == null || !value.isNumber()) return false;
        double seconds = value.asDouble();
        if (!Double.isFinite(seconds) || seconds < 0) return false;
        to.put(name, seconds);
        return true;
    }

    /** Copies one field if it has the right type; absent optional fields are fine, wrong types reject the event. */
    private static boolean copy(JsonNode value, String name, Kind kind, ObjectNode to) {
        boolean required = kind == Kind.LABEL || kind == Kind.TEXT || kind == Kind.NUMBER;
        if (value == null || value.isNull()) {
            if (required) return false;
            to.putNull(name);
            return true;
        }
        switch (kind) {
            case LABEL, NULLABLE_LABEL -> {
                if (!value.isTextual()) return false;
                to.put(name, cap(value.asText(), MAX_LABEL));
            }
            case MESSAGE -> {
                if (!value.isTextual()) return false;
                to.put(name, cap(value.asText(), MAX_MESSAGE));
            }
            case TEXT -> {
                if (!value.isTextual()) return false;
                to.put(name, value.asText());
            }
            case NUMBER -> {
                if (!value.isNumber() || !Double.isFinite(value.asDouble())) return false;
                to.put(name, value.asDouble());
            }
            case LINE -> {
                if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) return false;
                to.put(name, value.asInt());
            }
        }
        return true;
    }

    private static String cap(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
