package org.incidentmap.incident.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Request bodies and calls the API tests share. */
public final class Incidents {

    private Incidents() {
    }

    /** A missile strike on Kyiv as a GeoJSON Feature. */
    public static String kyivStrikeFeature() {
        return """
                {"type":"Feature",
                 "geometry":{"type":"Point","coordinates":[30.5234,50.4501]},
                 "properties":{"eventType":"Explosions/Remote violence","subEventType":"Shelling/artillery/missile attack",
                   "weapons":["missile"],"targets":["residential"],"occurredOn":"2025-04-24","timePrecision":1,
                   "geoPrecision":1,"placeName":"Kyiv","admin1":"Kyiv City","country":"UA",
                   "killed":12,"killedAtLeast":true,"injured":90,"injuredAtLeast":false,"status":"reported",
                   "actor":"Military Forces of Russia",
                   "sources":[{"outlet":"Ukrinform","url":"https://www.ukrinform.net/a/1","publishedAt":"2025-04-24T06:10:00Z",
                               "excerpt":"At least 12 people were killed"}],
                   "claims":[{"claimant":"State Emergency Service","killed":12,"killedAtLeast":false,"injured":87}]}}""";
    }

    /** A drone strike on Kharkiv in the flat form people type. */
    public static String kharkivDroneFlat() {
        return """
                {"eventType":"Explosions/Remote violence","subEventType":"Air/drone strike","weapons":["drone"],
                 "occurredOn":"2025-06-07","placeName":"Kharkiv","admin1":"Kharkivska","country":"UA",
                 "latitude":49.9935,"longitude":36.2304,"killed":3,"injured":21}""";
    }

    public static ValidatableResponse create(String body) {
        return given().auth().oauth2(Tokens.reporter()).contentType(ContentType.JSON).body(body)
                .when().post("/incidents").then();
    }

    /** Creates the Kyiv strike and returns its id. */
    public static String createKyiv() {
        return create(kyivStrikeFeature()).statusCode(201).extract().path("id");
    }

    /** The log's head seq, from the public API. */
    public static long headSeq() {
        return given().when().get("/events?after=0&limit=1").then().statusCode(200)
                .extract().jsonPath().getLong("headSeq");
    }
}
