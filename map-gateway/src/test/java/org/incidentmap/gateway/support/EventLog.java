package org.incidentmap.gateway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The event log as tests write it: each event gets the next gap-free seq and is kept here (served
 * as incident-service's {@code /events} by {@link IncidentServiceStub}) so that it can also be
 * published, or deliberately not published, to the real Kafka topic.
 */
public final class EventLog {

    private static final List<String> EVENTS = new ArrayList<>();

    private EventLog() {
    }

    /** Appends an incident event and returns its JSON; seq, id and geometry are filled in. */
    public static synchronized Event append(String kind, double lon, double lat, String eventType, Integer killed,
            String padding) {
        long seq = EVENTS.size() + 1;
        String id = UUID.randomUUID().toString();
        String json = String.format(Locale.ROOT, """
                {"type":"Feature","id":"%s","geometry":{"type":"Point","coordinates":[%s,%s]},\
                "properties":{"eventType":"%s","subEventType":"Air/drone strike","weapons":["drone"],"targets":[],\
                "occurredOn":"2026-11-20","timePrecision":1,"geoPrecision":1,"placeName":"Place %d",\
                "admin1":"Kharkiv","admin2":null,"country":"UA","killed":%s,"killedAtLeast":false,\
                "injured":null,"injuredAtLeast":false,"status":"reported","actor":null,\
                "sources":[{"outlet":"Test wire","url":"https://example.org/%d","publishedAt":"2026-11-20T10:00:00Z",\
                "excerpt":"%s"}],"claims":[],"version":1,"createdAt":"2026-11-20T10:00:00Z",\
                "updatedAt":"2026-11-20T10:00:00Z"},"seq":%d,"kind":"%s","time":"%s"}""",
                id, lon, lat, eventType, seq, killed == null ? "null" : killed.toString(), seq, padding, seq, kind,
                java.time.Instant.now());
        EVENTS.add(json);
        return new Event(seq, id, json);
    }

    public static Event append(double lon, double lat, String eventType, Integer killed) {
        return append("incident.created", lon, lat, eventType, killed, "");
    }

    public static synchronized long head() {
        return EVENTS.size();
    }

    /** Events after {@code after}, at most {@code limit}. */
    public static synchronized List<String> after(long after, int limit) {
        int from = (int) Math.min(Math.max(after, 0), EVENTS.size());
        return new ArrayList<>(EVENTS.subList(from, Math.min(EVENTS.size(), from + Math.max(0, limit))));
    }

    public record Event(long seq, String id, String json) {
    }
}
