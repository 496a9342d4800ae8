package org.incidentmap.incident.geocoder;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.incidentmap.incident.support.GeocoderStandIn;
import org.incidentmap.incident.support.Incidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A place name without coordinates is resolved through the geocoder, now or, when it is down, later. */
@QuarkusTest
@QuarkusTestResource(GeocoderStandIn.class)
class GeocodingTest {

    private static String byPlaceName(String place) {
        return """
                {"eventType":"Explosions/Remote violence","subEventType":"Air/drone strike","occurredOn":"2025-05-20",
                 "placeName":"%s","country":"UA","killed":2}""".formatted(place);
    }

    @AfterEach
    void geocoderBackUp() {
        GeocoderStandIn.UP.set(true);
    }

    @Test
    void aPlaceNameIsResolvedWhenTheGeocoderIsUp() {
        Incidents.create(byPlaceName("Bakhmut")).statusCode(201)
                .body("geometry.coordinates", contains(38.0003f, 48.5953f))
                .body("properties.geoPrecision", equalTo(1))
                .body("properties.admin1", equalTo("Donetsk"))
                .body("properties.admin2", equalTo("Bakhmutskyi"));
    }

    @Test
    void aPlaceTheGeocoderDoesNotKnowStaysUnresolved() {
        Incidents.create(byPlaceName("Nowhere-on-the-map")).statusCode(201)
                .body("geometry", nullValue())
                .body("properties.geoPrecision", nullValue())
                .body("properties.placeName", equalTo("Nowhere-on-the-map"));
    }

    @Test
    void whenTheGeocoderIsDownTheIncidentIsStoredUnresolvedAndResolvedLater() {
        GeocoderStandIn.UP.set(false);
        String id = Incidents.create(byPlaceName("Vovchansk")).statusCode(201)
                .body("geometry", nullValue())
                .body("properties.geoPrecision", nullValue())
                .extract().path("id");
        given().when().get("/q/health/ready").then().statusCode(200);

        long head = Incidents.headSeq();
        GeocoderStandIn.UP.set(true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/incidents/" + id).then().statusCode(200)
                        .body("geometry.coordinates", contains(36.9379f, 50.2906f))
                        .body("properties.geoPrecision", equalTo(1))
                        .body("properties.admin1", equalTo("Kharkiv")));
        given().when().get("/incidents/" + id + "/history").then()
                .body("revisions[1].author", equalTo("geocoder"))
                .body("revisions[1].changes.geoPrecision.to", equalTo(1));
        given().when().get("/events?after=" + head).then()
                .body("events.findAll { it.id == '" + id + "' }.kind", hasItem("incident.updated"));
    }
}
