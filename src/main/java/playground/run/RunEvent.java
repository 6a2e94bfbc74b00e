package playground.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event of a run as the browser and the JSON API see it: the server's
 * sequence number plus the event's fields (DESIGN.md protocol). Immutable once
 * stored; {@link #json()} is computed once because every subscriber sends it.
 */
public final class RunEvent {
    private final long seq;
    private final String type;
    private final ObjectNode fields;
    private final String json;

    RunEvent(long seq, ObjectNode fields) {
        this.seq = seq;
        this.type = fields.path("type").asText();
        fields.put("seq", seq);
        this.fields = fields;
        this.json = fields.toString();
    }

    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    public ObjectNode fields() {
        return fields;
    }

    public String json() {
        return json;
    }
}
