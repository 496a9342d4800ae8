package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /incidents?filter= runs CQL2 text in PostGIS beside the other filters and the keyset paging. */
@QuarkusTest
class Cql2FilterTest {

    /** A made-up oblast per test keeps other tests' incidents out of the answers. */
    private String oblast;

    @BeforeEach
    void uniqueOblast() {
        oblast = "Filter oblast " + UUID.randomUUID();
    }

    private String create(String place, String date, double lat, double lon, Integer killed) {
        return Incidents.create("""
                {"eventType":"Explosions/Remote violence","subEventType":"Air/drone strike","occurredOn":"%s",
                 "country":"UA","admin1":"%s","placeName":"%s","latitude":%s,"longitude":%s,"killed":%s}"""
                .formatted(date, oblast, place, lat, lon, killed)).statusCode(201).extract().path("id");
    }

    private List<String> ids(String filter) {
        return given().queryParam("admin1", oblast).queryParam("filter", filter).when().get("/incidents")
                .then().statusCode(200).contentType("application/geo+json").extract().jsonPath().getList("features.id");
    }

    @Test
    void eachConstructSelectsExactlyTheIncidentsItDescribes() {
        String kharkiv = create("Kharkiv", "2025-01-10", 49.99, 36.23, 3);
        String sumy = create("Sumy", "2025-01-20", 50.91, 34.80, null);
        String odesa = create("Odesa", "2025-02-05", 46.48, 30.72, 0);
        String kherson = create("Kherson", "2025-02-15", 46.64, 32.61, 12);

        assertThat(ids("killed > 2")).containsExactly(kherson, kharkiv);
        assertThat(ids("killed <> 3")).containsExactly(kherson, odesa);
        assertThat(ids("killed IS NULL")).containsExactly(sumy);
        assertThat(ids("NOT (killed >= 3) OR placeName = 'Sumy'")).containsExactly(odesa, sumy);
        assertThat(ids("placeName LIKE 'Kh%'")).containsExactly(kherson, kharkiv);
        assertThat(ids("placeName NOT LIKE 'Kh%'")).containsExactly(odesa, sumy);
        assertThat(ids("placeName IN ('Odesa', 'Sumy', 'Lviv')")).containsExactly(odesa, sumy);
        assertThat(ids("killed BETWEEN 1 AND 5")).containsExactly(kharkiv);
        assertThat(ids("S_INTERSECTS(geometry, BBOX(30, 46, 33, 47))")).containsExactly(kherson, odesa);
        assertThat(ids("S_INTERSECTS(geometry, POINT(36.23 49.99))")).containsExactly(kharkiv);
        assertThat(ids("S_INTERSECTS(geometry, POLYGON((34 50, 37 50, 37 52, 34 52, 34 50)))")).containsExactly(sumy);
        assertThat(ids("S_WITHIN(geometry, BBOX(30, 46, 33, 47))")).containsExactly(kherson, odesa);
        assertThat(ids("S_WITHIN(geometry, POINT(36.23 49.99))")).containsExactly(kharkiv);
        assertThat(ids("S_WITHIN(POINT(36.23 49.99), geometry)")).containsExactly(kharkiv);
        assertThat(ids("S_WITHIN(geometry, POLYGON((34 50, 37 50, 37 52, 34 52, 34 50)))")).containsExactly(sumy);
        // on the boundary of the box: it intersects the box but is not within it
        assertThat(ids("S_INTERSECTS(geometry, BBOX(30.72, 46, 33, 47))")).containsExactly(kherson, odesa);
        assertThat(ids("S_WITHIN(geometry, BBOX(30.72, 46, 33, 47))")).containsExactly(kherson);
        assertThat(ids("S_WITHIN(BBOX(30, 46, 33, 47), geometry)")).isEmpty();
        assertThat(ids("T_INTERSECTS(occurredOn, INTERVAL('2025-01-15', '2025-02-10'))")).containsExactly(odesa, sumy);
        assertThat(ids("T_INTERSECTS(occurredOn, DATE('2025-01-10'))")).containsExactly(kharkiv);
        assertThat(ids("T_BEFORE(occurredOn, TIMESTAMP('2025-01-20T12:00:00Z'))")).containsExactly(kharkiv);
        assertThat(ids("T_DURING(occurredOn, INTERVAL('2025-01-10', '..'))")).containsExactly(kherson, odesa, sumy);
        assertThat(ids("T_AFTER(occurredOn, INTERVAL('..', '2025-02-05'))")).containsExactly(kherson);
        assertThat(ids("occurredOn >= DATE('2025-02-01') AND killed < 10")).containsExactly(odesa);
    }

    @Test
    void cql2JsonSelectsTheSameIncidentsAsTheTextItEncodes() {
        String kharkiv = create("Kharkiv", "2025-05-10", 49.99, 36.23, 3);
        create("Sumy", "2025-05-20", 50.91, 34.80, null);
        String kherson = create("Kherson", "2025-05-25", 46.64, 32.61, 12);
        String json = """
                {"op":"and","args":[
                  {"op":">","args":[{"property":"killed"},2]},
                  {"op":"t_during","args":[{"property":"occurredOn"},{"interval":["2025-05-01",".."]}]},
                  {"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[30,45,37,51]}]}]}""";
        List<String> fromJson = given().queryParam("admin1", oblast).queryParam("filter", json)
                .queryParam("filter-lang", "cql2-json").when().get("/incidents").then().statusCode(200)
                .extract().jsonPath().getList("features.id");
        assertThat(fromJson).containsExactly(kherson, kharkiv)
                .isEqualTo(ids("killed > 2 AND T_DURING(occurredOn, INTERVAL('2025-05-01', '..'))"
                        + " AND S_INTERSECTS(geometry, BBOX(30, 45, 37, 51))"));
    }

    @Test
    void aFilterCombinesWithTheOtherFiltersAndPagesThroughNextLinks() {
        List<String> strong = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            String id = create("Place " + day, "2025-03-0" + day, 48.0 + day / 10.0, 37.0, day);
            if (day > 2) {
                strong.add(0, id);
            }
        }
        JsonPath first = given().queryParam("admin1", oblast).queryParam("filter", "killed > 2")
                .queryParam("limit", 1).queryParam("count", true).when().get("/incidents")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("numberMatched")).isEqualTo(4);
        List<String> seen = new ArrayList<>(first.getList("features.id"));
        String next = first.getString("links.find { it.rel == 'next' }.href");
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("features.id"));
            next = page.getString("links.find { it.rel == 'next' }.href");
        }
        assertThat(seen).containsExactlyElementsOf(strong);

        List<String> narrowed = given().queryParam("admin1", oblast).queryParam("filter", "killed > 2")
                .queryParam("datetime", "2025-03-01/2025-03-04").queryParam("f", "json").when().get("/incidents")
                .then().statusCode(200).extract().jsonPath().getList("features.id");
        assertThat(narrowed).containsExactly(strong.get(2), strong.get(3));
    }

    @Test
    void aFilterReadsTheIncidentAsRevised() {
        String id = create("Izium", "2025-04-01", 49.21, 37.26, 1);
        assertThat(ids("killed >= 5")).isEmpty();
        String etag = given().when().get("/incidents/" + id).then().extract().header("ETag");
        given().auth().oauth2(Tokens.editor()).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"killed\":5,\"reason\":\"updated toll\"}").when().patch("/incidents/" + id).then().statusCode(200);
        assertThat(ids("killed >= 5 AND version = 2")).containsExactly(id);
    }

    @Test
    void unknownPropertiesAndBadSyntaxAreProblemsNamingFilterAndThePosition() {
        given().queryParam("filter", "killed > 2 AND colour = 'red'").when().get("/incidents").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("filter"))
                .body("errors[0].detail", containsString("at character 16"))
                .body("errors[0].detail", containsString("unknown property 'colour'"));
        given().queryParam("filter", "killed >").when().get("/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("filter")).body("errors[0].detail", containsString("at character 9"));
        given().queryParam("filter", "killed = 'many'").when().get("/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("filter"));
        given().queryParam("filter", "occurredOn = DATE('2025-13-01')").when().get("/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("filter"));
        given().queryParam("filter", "{\"op\":\">\",\"args\":[{\"property\":\"colour\"},2]}")
                .queryParam("filter-lang", "cql2-json").when().get("/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("filter"))
                .body("errors[0].detail", containsString("at /args/0: unknown property 'colour'"));
        given().queryParam("filter", "killed > 2").queryParam("filter-lang", "cql2-json").when().get("/incidents")
                .then().statusCode(400).body("errors[0].detail", containsString("not JSON"));
        given().queryParam("filter", "placeName LIKE 'x\\'").when().get("/incidents").then().statusCode(400)
                .body("errors[0].field", equalTo("filter"));
        // a self-intersecting ring is for PostGIS to judge, never a server error
        given().queryParam("filter", "S_INTERSECTS(geometry, POLYGON((30 46, 31 47, 31 46, 30 47, 30 46)))")
                .when().get("/incidents").then().statusCode(200);
        given().queryParam("filter", "S_WITHIN(geometry, POLYGON((30 46, 31 47, 31 46, 30 47, 30 46)))")
                .when().get("/incidents").then().statusCode(200);
        given().queryParam("filter", "killed > 2").queryParam("filter-lang", "ecql").when().get("/incidents")
                .then().statusCode(400).body("errors[0].field", equalTo("filter-lang"));
    }

    @Test
    void queryablesListEachFilterablePropertyWithItsType() {
        JsonPath schema = given().when().get("/incidents/queryables").then().statusCode(200)
                .contentType("application/schema+json").extract().jsonPath();
        assertThat(schema.getString("'$schema'")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.getString("type")).isEqualTo("object");
        assertThat(schema.getString("properties.killed.type")).isEqualTo("integer");
        assertThat(schema.getString("properties.placeName.type")).isEqualTo("string");
        assertThat(schema.getString("properties.occurredOn.format")).isEqualTo("date");
        assertThat(schema.getString("properties.geometry.format")).isEqualTo("geometry-point");
        assertThat(schema.getList("properties.status.enum")).contains("verified", "retracted");
        assertThat(schema.getMap("properties")).doesNotContainKeys("weapons", "sources", "claims");
    }
}
