package org.incidentmap.incident.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A source as the API shows it: its registration and its health. */
final class SourceView {

    private SourceView() {
    }

    static ObjectNode of(ObjectMapper mapper, FeedSource s) {
        ObjectNode out = mapper.createObjectNode();
        out.put("id", s.id().toString());
        out.put("kind", s.kind().wire());
        out.put("url", s.url());
        out.put("name", s.name());
        out.put("pollInterval", s.pollInterval().toString());
        out.put("language", s.language());
        out.put("attribution", s.attribution());
        out.put("sample", s.sample());
        out.put("autoPublishAbove", s.autoPublishAbove());
        out.put("createdAt", iso(s.createdAt()));
        out.put("createdBy", s.createdBy());
        ObjectNode h = out.putObject("health");
        h.put("state", s.state());
        h.put("lastFetchAt", iso(s.lastFetchAt()));
        h.put("lastFetchResult", s.lastFetchResult());
        h.put("lastNewItemAt", iso(s.lastNewItemAt()));
        h.put("lastError", s.lastError());
        h.put("lastErrorAt", iso(s.lastErrorAt()));
        h.put("consecutiveFailures", s.failures());
        h.put("itemsSeen", s.itemsSeen());
        h.put("nextPollAt", iso(s.nextPollAt()));
        return out;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
