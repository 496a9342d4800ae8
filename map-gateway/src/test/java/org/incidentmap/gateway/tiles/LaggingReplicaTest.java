package org.incidentmap.gateway.tiles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.incidentmap.testsupport.Gdal;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.Reporter;
import org.junit.jupiter.api.Test;

/**
 * Two replicas consume the topic each at its own pace. This gateway stands for the one behind: it
 * reads a topic nobody publishes to, so it never hears of the events another replica has already
 * delivered. A client that saw seq s there asks for {@code seq=s} and must not get an older tile.
 */
@QuarkusTest
@TestProfile(LaggingReplicaTest.NoEvents.class)
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
class LaggingReplicaTest {

    public static class NoEvents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.incident-events.topic", "incident-events-unheard-" + UUID.randomUUID());
        }
    }

    private static ExtractableResponse<Response> tile(int[] t, String query) {
        return given().urlEncodingEnabled(false)
                .get("/ogc/collections/incidents/tiles/WebMercatorQuad/14/" + t[1] + "/" + t[0] + "?" + query).then()
                .statusCode(200).extract();
    }

    private static boolean holds(ExtractableResponse<Response> tile, String id) {
        return new String(tile.asByteArray(), StandardCharsets.ISO_8859_1).contains(id);
    }

    @Test
    void aTileAskedForWithASeqReflectsItEvenWhenThisReplicaHasNotReceivedThatEvent() {
        String oblast = "Lagging oblast " + UUID.randomUUID();
        String filter = "admin1=" + oblast.replace(" ", "%20");
        int[] t = Gdal.tileOf(33.3333, 47.4444, 14);
        var before = tile(t, filter);
        long cachedAt = Long.parseLong(before.header("Incident-Seq"));

        String id = Reporter.post("""
                {"eventType":"Battles","occurredOn":"2025-09-09","country":"UA","admin1":"%s","latitude":47.4444,
                 "longitude":33.3333,"killed":1}""".formatted(oblast));
        long seen = Reporter.headSeq();
        assertThat(seen).isGreaterThan(cachedAt);

        var stale = tile(t, filter);
        assertThat(holds(stale, id)).as("without a seq this replica answers from what it has applied").isFalse();
        assertThat(stale.header("ETag")).isEqualTo(before.header("ETag"));

        var fresh = tile(t, filter + "&seq=" + seen);
        assertThat(holds(fresh, id)).isTrue();
        assertThat(Long.parseLong(fresh.header("Incident-Seq"))).isGreaterThanOrEqualTo(seen);
        assertThat(fresh.header("ETag")).isNotEqualTo(before.header("ETag"));
    }
}
