package org.incidentmap.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
}
