package playground.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event of a run as the browser and the JSON API see it: the server's
 * sequence number plus the event's fields (DESIGN.md protocol). Immutable once
 * stored. Kept as its JSON text only, which every subscriber sends as it is:
 * a Jackson tree per event took ~1.4 KB, and a class's runs hold ~100,000
 * events (the benchmark's class of 60: 137 MB of live heap, most of it these
 * trees). {@link #fields()} parses a fresh copy for the few callers that
 * need the fields.
 */
public final class RunEvent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seq;
    private final String type;
    private final String json;

    RunEvent(long seq, ObjectNode fields) {
        this.seq = seq;
        this.type = fields.path("type").asText();
        fields.put("seq", seq);
        this.json = fields.toString();
    }

    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    /** The event's fields, parsed from its JSON: a new object on every call, free to change. */
    public ObjectNode fields() {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event the server wrote is not JSON: " + json, e);
        }
    }

    public String json() {
        return json;
    }
}
