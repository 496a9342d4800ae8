package org.incidentmap.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.incident.store.Incident;
import org.junit.jupiter.api.Test;

/** A revision's diff is the JSON of the values before and after, whatever their type. */
class ChangeSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyKindOfSnapshotValueIsRecordedAsItsJson() throws Exception {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        before.put("placeName", null);
        after.put("placeName", "Київ \"centre\"");
        before.put("killed", 3);
        after.put("killed", null);
        before.put("killedAtLeast", false);
        after.put("killedAtLeast", true);
        before.put("weapons", List.of());
        after.put("weapons", Arrays.asList("drone", "glide bomb"));
        before.put("geometry", null);
        after.put("geometry", JSON.readTree("{\"type\":\"Point\",\"coordinates\":[30.5,50.45]}"));
        before.put("unchanged", "same");
        after.put("unchanged", "same");

        ChangeSet changes = ChangeSet.between(before, after);
        changes.added("sources", new SourceInput("Outlet", "https://example.org/a",
                OffsetDateTime.parse("2024-03-01T12:15:30+02:00"), "text"));

        assertThat(JSON.readTree(changes.toJson())).isEqualTo(JSON.readTree("""
                {"placeName":{"from":null,"to":"Київ \\"centre\\""},
                 "killed":{"from":3,"to":null},
                 "killedAtLeast":{"from":false,"to":true},
                 "weapons":{"from":[],"to":["drone","glide bomb"]},
                 "geometry":{"from":null,"to":{"type":"Point","coordinates":[30.5,50.45]}},
                 "sources":{"added":{"outlet":"Outlet","url":"https://example.org/a","publishedAt":"2024-03-01T12:15:30+02:00",
                   "excerpt":"text"}}}"""));
    }

    @Test
    void aCreationDiffIsTheDiffFromABlankIncidentToTheNewOne() throws Exception {
        for (Point point : new Point[] {new Point(30.5234, 50.4501), new Point(30.0, -0.00001), null}) {
            Incident incident = new Incident();
            incident.eventType = "Explosions/Remote violence";
            incident.weapons = new String[] {"drone"};
            incident.killed = 0;
            incident.placeName = "Vyshhorod";
            IncidentCommands.place(incident, point, 2, point == null);

            String general = ChangeSet.between(ChangeSet.snapshot(new Incident()), ChangeSet.snapshot(incident)).toJson();
            assertThat(ChangeSet.created(incident).toJson()).as("at %s", point).isEqualTo(general);
        }
    }
}
