package playground.web;

import com.fasterxml.jackson.databind.util.RawValue;
import playground.lesson.Language;
import playground.run.Run;
import playground.run.RunEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API's view of a run (DESIGN.md: GET /api/runs/{id}). */
final class RunJson {
    private RunJson() {
    }

    static Map<String, Object> of(Run run) {
        Map<String, Object> json = new LinkedHashMap<>();
        Run.Outcome outcome = run.outcome();
        json.put("id", run.id());
        json.put("status", run.status().wireName());
        json.put("mode", run.request().mode().wireName());
        json.put("exitCode", outcome == null ? null : outcome.exitCode());
        json.put("reason", outcome == null ? null : outcome.reason().wireName());
        json.put("message", outcome == null ? null : outcome.message(Language.EN));
        json.put("messageZh", outcome == null ? null : outcome.message(Language.ZH));
        json.put("stdout", run.stdout());
        json.put("stderr", run.stderr());
        json.put("durationSeconds", outcome == null ? null : outcome.durationSeconds());
        json.put("wallSeconds", outcome == null ? null : outcome.wallSeconds());
        List<Object> events = new ArrayList<>();
        for (RunEvent event : run.eventsAfter(0)) events.add(new RawValue(event.json())); // already JSON
        json.put("events", events);
        return json;
    }
}
