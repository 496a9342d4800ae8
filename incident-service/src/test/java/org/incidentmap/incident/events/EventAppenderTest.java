package org.incidentmap.incident.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.incidentmap.incident.domain.Point;
import org.junit.jupiter.api.Test;

/** How the appender numbers a batch and what each event it writes holds, without a database. */
class EventAppenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2025-01-02T03:04:05.678901Z");

    private static String feature(UUID id) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":null,\"properties\":{\"version\":1}}";
    }

    @Test
    void aBatchTakesConsecutiveSeqsFromItsBlockInTheOrderGiven() throws Exception {
        List<EventAppender.Pending> events = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            UUID id = UUID.randomUUID();
            events.add(EventAppender.Pending.of(id, EventKind.CREATED, feature(id)));
        }

        List<EventAppender.Logged> rows = EventAppender.logged(new EventAppender.Block(41, AT), events);

        assertThat(rows).extracting(EventAppender.Logged::seq).containsExactly(41L, 42L, 43L, 44L, 45L);
        for (int k = 0; k < rows.size(); k++) {
            EventAppender.Logged row = rows.get(k);
            JsonNode payload = JSON.readTree(row.payload());
            assertThat(row.incidentId()).isEqualTo(events.get(k).incidentId());
            assertThat(row.time()).isEqualTo(AT);
            assertThat(payload.get("seq").asLong()).isEqualTo(row.seq());
            assertThat(payload.get("id").asText()).isEqualTo(row.incidentId().toString());
        }
    }

    @Test
    void anEventIsSeqKindAndTimeFollowedByTheFeaturesOwnMembers() {
        UUID id = UUID.fromString("0b1c2d3e-0000-4000-8000-000000000001");
        String payload = EventAppender.payload(7, "2025-01-02T03:04:05.678901Z",
                EventAppender.Pending.of(id, EventKind.UPDATED, feature(id)));

        assertThat(payload).isEqualTo("{\"seq\":7,\"kind\":\"incident.updated\",\"time\":\"2025-01-02T03:04:05.678901Z\","
                + "\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":null,\"properties\":{\"version\":1}}");
    }

    @Test
    void aChangeThatMovedTheIncidentSaysWhereItWasAndNullWhenItWasNowhere() throws Exception {
        UUID id = UUID.randomUUID();
        JsonNode moved = JSON.readTree(EventAppender.payload(1, "t", new EventAppender.Pending(id, EventKind.UPDATED,
                feature(id), true, new Point(30.5, 50.45))));
        JsonNode placed = JSON.readTree(EventAppender.payload(2, "t", new EventAppender.Pending(id, EventKind.UPDATED,
                feature(id), true, null)));
        JsonNode stayed = JSON.readTree(EventAppender.payload(3, "t", new EventAppender.Pending(id, EventKind.UPDATED,
                feature(id), false, new Point(30.5, 50.45))));

        assertThat(moved.get("previousGeometry")).isEqualTo(JSON.readTree("{\"type\":\"Point\",\"coordinates\":[30.5,50.45]}"));
        assertThat(placed.has("previousGeometry")).isTrue();
        assertThat(placed.get("previousGeometry").isNull()).isTrue();
        assertThat(stayed.has("previousGeometry")).isFalse();
    }
}
