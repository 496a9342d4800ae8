package org.incidentmap.incident.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.incidentmap.incident.domain.Point;
import org.junit.jupiter.api.Test;

/** The Feature's members, their order and how each value is printed, without a database. */
class IncidentFeatureRenderingTest {

    private static final UUID ID = UUID.fromString("5f0c6a52-8a3c-4c1e-9a43-2b7f1d0e6a11");
    private static final Instant CREATED = Instant.parse("2024-03-01T10:15:30.123456Z");

    private static Incident kyiv() {
        Incident i = new Incident();
        i.id = ID;
        i.eventType = "Explosions/Remote violence";
        i.subEventType = "Air/drone strike";
        i.weapons = new String[] {"drone", "glide \"bomb\""};
        i.occurredOn = LocalDate.of(2024, 3, 1);
        i.timePrecision = 2;
        i.point = new Point(30.5234, 50.4501);
        i.geoPrecision = 1;
        i.placeName = "Київ";
        i.admin1 = "Kyiv city";
        i.country = "UA";
        i.killed = 3;
        i.killedAtLeast = true;
        i.status = "verified";
        i.version = 4;
        i.createdAt = CREATED;
        i.updatedAt = Instant.parse("2024-03-02T00:00:00Z");
        return i;
    }

    @Test
    void membersComeInTheirDefinedOrderWithNullsKeptAndTimesToTheMicrosecond() {
        Source source = new Source(ID, "Outlet", "https://example.org/a", Instant.parse("2024-03-01T08:00:00.5Z"),
                "Line one\nline two", CREATED);
        Claim claim = new Claim(ID, "Regional administration", 4, false, null, true, "«four»", null, CREATED);

        assertThat(IncidentFeature.of(kyiv(), List.of(source), List.of(claim))).isEqualTo("""
                {"type":"Feature","id":"5f0c6a52-8a3c-4c1e-9a43-2b7f1d0e6a11",\
                "geometry":{"type":"Point","coordinates":[30.5234,50.4501]},\
                "properties":{"eventType":"Explosions/Remote violence","subEventType":"Air/drone strike",\
                "weapons":["drone","glide \\"bomb\\""],"targets":[],"occurredOn":"2024-03-01","timePrecision":2,\
                "geoPrecision":1,"placeName":"Київ","admin1":"Kyiv city","admin2":null,"country":"UA","killed":3,\
                "killedAtLeast":true,"injured":null,"injuredAtLeast":false,"status":"verified","actor":null,\
                "sources":[{"outlet":"Outlet","url":"https://example.org/a","publishedAt":"2024-03-01T08:00:00.500000Z",\
                "excerpt":"Line one\\nline two","machineExtracted":false,"sample":false}],\
                "claims":[{"claimant":"Regional administration","killed":4,"killedAtLeast":false,"injured":null,\
                "injuredAtLeast":true,"statement":"«four»","sourceUrl":null}],\
                "version":4,"createdAt":"2024-03-01T10:15:30.123456Z","updatedAt":"2024-03-02T00:00:00.000000Z"}}""");
    }

    @Test
    void anIncidentWithoutAPositionHasANullGeometryAndEmptyCollections() throws Exception {
        Incident i = kyiv();
        i.point = null;
        i.geoPrecision = null;

        var feature = new ObjectMapper().readTree(IncidentFeature.of(i, List.of(), List.of()));

        assertThat(feature.get("geometry").isNull()).isTrue();
        assertThat(feature.at("/properties/geoPrecision").isNull()).isTrue();
        assertThat(feature.at("/properties/sources").size()).isZero();
        assertThat(feature.at("/properties/claims").size()).isZero();
    }

    @Test
    void aGeometryAloneIsPrintedAsInTheFeature() {
        assertThat(IncidentFeature.geometry(new Point(36.0, 1e-9))).isEqualTo("{\"type\":\"Point\",\"coordinates\":[36,1e-9]}");
        assertThat(IncidentFeature.geometry(null)).isEqualTo("null");
    }
}
