package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.incidentmap.incident.support.Incidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /incidents and /incidents/{id} with crs and bbox-crs: CRS84, EPSG:4326 (latitude first) and EPSG:3857. */
@QuarkusTest
class IncidentCrsTest {

    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final String EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    private static final String EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
    /** Longitude 30°, latitude 50° in Web Mercator metres (spherical formulas, radius 6378137 m). */
    private static final double MERCATOR_X = 6378137 * Math.toRadians(30);
    private static final double MERCATOR_Y = 6378137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(50) / 2));

    private String oblast;
    private String id;

    @BeforeEach
    void anIncidentAtThirtyEastFiftyNorth() {
        oblast = "Crs-oblast-" + UUID.randomUUID();
        id = Incidents.create("""
                {"eventType":"Explosions/Remote violence","subEventType":"Air/drone strike","occurredOn":"2025-06-01","country":"UA",
                 "admin1":"%s","placeName":"Somewhere","latitude":50.0,"longitude":30.0,"killed":1,"injured":0}"""
                .formatted(oblast)).statusCode(201).extract().path("id");
    }

    private ExtractableResponse<Response> list(String query) {
        return given().when().get("/incidents?admin1=" + oblast + "&" + query).then().statusCode(200).extract();
    }

    /** Read as doubles: JsonPath's default floats would round metres to a tenth. */
    private static List<Double> coordinates(JsonPath doc, String path) {
        return doc.using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE))
                .getList((path.isEmpty() ? "" : path + ".") + "geometry.coordinates", Double.class);
    }

    @Test
    void featuresComeInTheRequestedCrsWithItsContentCrsHeader() {
        ExtractableResponse<Response> plain = list("");
        assertThat(plain.header("Content-Crs")).isEqualTo("<" + CRS84 + ">");
        assertThat(coordinates(plain.jsonPath(), "features[0]")).containsExactly(30.0, 50.0);

        ExtractableResponse<Response> latLon = list("crs=" + EPSG_4326);
        assertThat(latLon.header("Content-Crs")).isEqualTo("<" + EPSG_4326 + ">");
        assertThat(coordinates(latLon.jsonPath(), "features[0]")).containsExactly(50.0, 30.0);

        ExtractableResponse<Response> mercator = list("crs=" + EPSG_3857);
        assertThat(mercator.header("Content-Crs")).isEqualTo("<" + EPSG_3857 + ">");
        List<Double> xy = coordinates(mercator.jsonPath(), "features[0]");
        assertThat(xy.get(0)).isCloseTo(MERCATOR_X, within(0.01));
        assertThat(xy.get(1)).isCloseTo(MERCATOR_Y, within(0.01));
        assertThat(mercator.jsonPath().getString("features[0].properties.placeName")).isEqualTo("Somewhere");

        ExtractableResponse<Response> one = given().when().get("/incidents/" + id + "?crs=" + EPSG_4326).then().statusCode(200)
                .extract();
        assertThat(one.header("Content-Crs")).isEqualTo("<" + EPSG_4326 + ">");
        assertThat(coordinates(one.jsonPath(), "")).containsExactly(50.0, 30.0);
    }

    @Test
    void aBboxIsReadInItsBboxCrs() {
        assertThat(list("bbox=49.9,29.9,50.1,30.1&bbox-crs=" + EPSG_4326).jsonPath().getList("features.id")).containsExactly(id);
        // the same numbers longitude first miss the point
        assertThat(list("bbox=49.9,29.9,50.1,30.1").jsonPath().getList("features.id")).isEmpty();
        String mercatorBox = (MERCATOR_X - 1000) + "," + (MERCATOR_Y - 1000) + "," + (MERCATOR_X + 1000) + "," + (MERCATOR_Y + 1000);
        assertThat(list("bbox=" + mercatorBox + "&bbox-crs=" + EPSG_3857).jsonPath().getList("features.id")).containsExactly(id);
        String besideIt = (MERCATOR_X + 1000) + "," + (MERCATOR_Y - 1000) + "," + (MERCATOR_X + 3000) + "," + (MERCATOR_Y + 1000);
        assertThat(list("bbox=" + besideIt + "&bbox-crs=" + EPSG_3857).jsonPath().getList("features.id")).isEmpty();
    }

    @Test
    void anUnsupportedCrsIsA400NamingTheParameter() {
        given().when().get("/incidents?crs=http://www.opengis.net/def/crs/EPSG/0/32636").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("crs"));
        given().when().get("/incidents?bbox=0,0,1,1&bbox-crs=EPSG:4326").then().statusCode(400)
                .body("errors[0].field", equalTo("bbox-crs"));
        given().when().get("/incidents/" + id + "?crs=nonsense").then().statusCode(400)
                .body("errors[0].field", equalTo("crs"));
    }

    @Test
    void csvAndKmlComeInCrs84OnlySoAnotherCrsIsA400() {
        for (String f : List.of("csv", "kml")) {
            given().when().get("/incidents?f=" + f + "&crs=" + EPSG_3857).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("crs"));
            given().when().get("/incidents?f=" + f + "&crs=" + CRS84).then().statusCode(200);
        }
    }
}
