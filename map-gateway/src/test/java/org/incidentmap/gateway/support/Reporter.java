package org.incidentmap.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Locale;

/** Writes incidents through the real incident-service as a reporter would. */
public final class Reporter {

    private static final Path KEY = Path.of("../incident-service/src/test/resources/jwt/privateKey.pem");

    private Reporter() {
    }

    /** Creates an incident of 20 November 2026 and returns its id. */
    public static String create(String place, double lon, double lat, String eventType, Integer killed, boolean atLeast) {
        return create(place, lon, lat, eventType, killed, atLeast, "2026-11-20");
    }

    /** Creates an incident of the day {@code occurredOn} and returns its id. */
    public static String create(String place, double lon, double lat, String eventType, Integer killed, boolean atLeast,
            String occurredOn) {
        String body = String.format(Locale.ROOT, """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
                 "properties":{"eventType":"%s","subEventType":"Air/drone strike","weapons":["drone"],
                   "targets":["residential"],"occurredOn":"%s","timePrecision":1,"geoPrecision":1,
                   "placeName":"%s","admin1":"Kharkivska","country":"UA","killed":%s,"killedAtLeast":%s,
                   "injured":null,"injuredAtLeast":false,"status":"reported",
                   "sources":[{"outlet":"Test wire","url":"https://example.org/%s","publishedAt":"2026-11-20T06:00:00Z",
                     "excerpt":"Drones hit %s"}],
                   "claims":[{"claimant":"Regional administration","killed":%s,"killedAtLeast":false,"injured":4}]}}""",
                lon, lat, eventType, occurredOn, place, killed == null ? "null" : killed, atLeast, place, place,
                killed == null ? "null" : killed);
        return given().auth().oauth2(token())
                .contentType(ContentType.JSON).body(body)
                .when().post(IncidentServiceProcess.url() + "/incidents").then().statusCode(201).extract().path("id");
    }

    /** Posts an incident in any form incident-service takes and returns its id. */
    public static String post(String body) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON).body(body)
                .when().post(IncidentServiceProcess.url() + "/incidents").then().statusCode(201).extract().path("id");
    }

    /** A JSON merge patch of the incident at {@code version}, as an editor. */
    public static void revise(String id, int version, String patch) {
        given().auth().oauth2(token("editor")).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(patch).when().patch(IncidentServiceProcess.url() + "/incidents/" + id).then().statusCode(200);
    }

    /** Retracts the incident, as an editor. */
    public static void retract(String id) {
        given().auth().oauth2(token("editor")).contentType(ContentType.JSON)
                .body("{\"status\":\"retracted\",\"reason\":\"not an incident\"}")
                .when().post(IncidentServiceProcess.url() + "/incidents/" + id + "/status").then().statusCode(200);
    }

    /** The newest seq in incident-service's event log. */
    public static long headSeq() {
        return given().when().get(IncidentServiceProcess.url() + "/events?after=0&limit=1").then().statusCode(200)
                .extract().jsonPath().getLong("headSeq");
    }

    /** A token of the role {@code editor}, as the map page's panels send it. */
    public static String editorToken() {
        return token("editor");
    }

    private static String token() {
        return token("reporter");
    }

    private static String token(String role) {
        try {
            PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(KEY));
            return Jwt.issuer("incident-map").audience("incident-service").upn(role + "-test").groups(role).sign(key);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign with " + KEY.toAbsolutePath(), e);
        }
    }
}
