package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /incidents filters, pages and reports the seq it reflects; GET /stats aggregates the same rows. */
@QuarkusTest
class IncidentListTest {

    /** A made-up oblast name per test keeps other tests' incidents out of the answers. */
    private String oblast;

    @BeforeEach
    void uniqueOblast() {
        oblast = "Test oblast " + UUID.randomUUID();
    }

    private String create(String date, double lat, double lon, int killed, String subEventType) {
        return Incidents.create("""
                {"eventType":"Explosions/Remote violence","subEventType":"%s","occurredOn":"%s","country":"UA",
                 "admin1":"%s","placeName":"Somewhere","latitude":%s,"longitude":%s,"killed":%d,"injured":1}"""
                .formatted(subEventType, date, oblast, lat, lon, killed)).statusCode(201).extract().path("id");
    }

    private JsonPath list(String query) {
        return given().when().get("/incidents?admin1=" + oblast + "&" + query).then().statusCode(200)
                .contentType("application/geo+json").extract().jsonPath();
    }

    @Test
    void listIsAFeatureCollectionNewestFirstWithTheSeqItReflects() {
        String older = create("2025-01-10", 48.0, 37.8, 1, "Air/drone strike");
        String newer = create("2025-01-12", 48.1, 37.6, 4, "Shelling/artillery/missile attack");
        long head = Incidents.headSeq();

        JsonPath page = list("");
        assertThat(page.getString("type")).isEqualTo("FeatureCollection");
        assertThat(page.getLong("seq")).isGreaterThanOrEqualTo(head);
        assertThat(page.getInt("numberReturned")).isEqualTo(2);
        assertThat(page.getList("features.id")).containsExactly(newer, older);
        assertThat(page.getList("links.rel")).containsExactly("self", "alternate");
        assertThat(page.getString("links.find { it.rel == 'alternate' }.href")).contains("f=csv");
        assertThat(page.getMap("$")).doesNotContainKey("crs");

        Map<String, Object> single = given().when().get("/incidents/" + older).then().extract().jsonPath().getMap("$");
        assertThat(page.getMap("features[1]")).isEqualTo(single);
    }

    @Test
    void aPageLinksToItselfAndToItsCsvFormWithoutAskingForTheCountAgain() {
        String older = create("2025-01-20", 48.0, 37.8, 1, "Air/drone strike");
        String newer = create("2025-01-21", 48.1, 37.6, 2, "Air/drone strike");
        JsonPath first = list("limit=1&count=true");

        String self = first.getString("links.find { it.rel == 'self' }.href");
        assertThat(self).contains("limit=1").doesNotContain("count=");
        JsonPath again = given().urlEncodingEnabled(false).when().get(self).then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("features.id")).containsExactly(newer);
        assertThat(again.getMap("$")).doesNotContainKey("numberMatched");

        assertThat(first.getString("links.find { it.rel == 'alternate' }.type")).isEqualTo("text/csv");
        String csv = given().urlEncodingEnabled(false).when().get(first.getString("links.find { it.rel == 'alternate' }.href"))
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).contains(newer + ",").doesNotContain(older);
    }

    @Test
    void cursorPagingWalksEveryMatchOnceFollowingNextLinks() {
        List<String> created = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            created.add(create("2025-02-0" + day, 47.8, 35.1, day, "Air/drone strike"));
        }
        List<String> seen = new ArrayList<>();
        String next = "/incidents?admin1=" + oblast.replace(" ", "%20") + "&limit=2";
        int pages = 0;
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("features.id"));
            assertThat(page.getInt("numberReturned")).isEqualTo(page.getList("features").size());
            List<String> hrefs = page.getList("links.findAll { it.rel == 'next' }.href");
            next = hrefs.isEmpty() ? null : hrefs.get(0);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        java.util.Collections.reverse(created);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void numberMatchedCountsTheMatchesOnAllPagesForEachFilter() {
        String zaporizhzhia = create("2025-06-01", 47.84, 35.14, 0, "Air/drone strike");
        String zaporizhzhiaAgain = create("2025-06-02", 47.85, 35.20, 5, "Air/drone strike");
        String clash = createBattle("2025-06-03", 1);
        String verifiedClash = createBattle("2025-06-04", 4);
        String verifiedStrike = create("2025-06-05", 49.99, 36.23, 2, "Air/drone strike");
        String kharkiv = create("2025-06-06", 49.99, 36.23, 0, "Air/drone strike");
        verify(verifiedClash);
        verify(verifiedStrike);

        Map<String, List<String>> expected = Map.of(
                "", List.of(zaporizhzhia, zaporizhzhiaAgain, clash, verifiedClash, verifiedStrike, kharkiv),
                "bbox=34.9,47.7,35.4,48.0", List.of(zaporizhzhia, zaporizhzhiaAgain),
                "datetime=2025-06-03/2025-06-05", List.of(clash, verifiedClash, verifiedStrike),
                "eventType=Battles", List.of(clash, verifiedClash),
                "status=verified", List.of(verifiedClash, verifiedStrike),
                "minKilled=3", List.of(zaporizhzhiaAgain, verifiedClash));
        expected.forEach((filter, ids) -> {
            String paged = filter.isEmpty() ? "limit=1" : filter + "&limit=1";
            List<String> walked = walk("/incidents?admin1=" + oblast.replace(" ", "%20") + "&" + paged);
            assertThat(walked).as(filter).containsExactlyInAnyOrderElementsOf(ids);
            JsonPath first = list(paged + "&count=true");
            assertThat(first.getInt("numberReturned")).as(filter).isEqualTo(1);
            assertThat(first.getInt("numberMatched")).as(filter).isEqualTo(walked.size());
        });
    }

    @Test
    void numberMatchedIsLeftOutUnlessAskedAndNextLinksDoNotAskAgain() {
        for (int day = 1; day <= 3; day++) {
            create("2025-07-0" + day, 47.8, 35.1, day, "Air/drone strike");
        }
        assertThat(list("limit=2").getMap("$")).doesNotContainKey("numberMatched");
        JsonPath first = list("limit=2&count=true");
        assertThat(first.getInt("numberMatched")).isEqualTo(3);
        String next = first.getString("links.find { it.rel == 'next' }.href");
        assertThat(next).doesNotContain("count=");

        JsonPath second = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
        assertThat(second.getMap("$")).doesNotContainKey("numberMatched");
        assertThat(second.getInt("numberReturned")).isEqualTo(1);
        // Asked on a later page, the total still counts the rows of earlier pages.
        given().urlEncodingEnabled(false).when().get(next + "&count=true").then().statusCode(200)
                .body("numberMatched", equalTo(3)).body("numberReturned", equalTo(1));
    }

    private String createBattle(String date, int killed) {
        return Incidents.create("""
                {"eventType":"Battles","subEventType":"Armed clash","occurredOn":"%s","country":"UA",
                 "admin1":"%s","placeName":"Pokrovsk","latitude":48.28,"longitude":37.18,"killed":%d}"""
                .formatted(date, oblast, killed)).statusCode(201).extract().path("id");
    }

    private static void verify(String id) {
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON).body("{\"status\":\"verified\"}")
                .when().post("/incidents/" + id + "/status").then().statusCode(200);
    }

    /** The ids on every page, following next links from {@code first}. */
    private static List<String> walk(String first) {
        List<String> seen = new ArrayList<>();
        String next = first;
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("features.id"));
            next = page.getString("links.find { it.rel == 'next' }.href");
        }
        return seen;
    }

    @Test
    void filtersNarrowByBboxDatetimeEventTypeStatusAndMinKilled() {
        String zaporizhzhia = create("2025-03-01", 47.84, 35.14, 7, "Air/drone strike");
        String pokrovsk = create("2025-03-05", 48.28, 37.18, 0, "Shelling/artillery/missile attack");

        assertThat(list("bbox=34.9,47.7,35.4,48.0").getList("features.id")).containsExactly(zaporizhzhia);
        assertThat(list("datetime=2025-03-04/..").getList("features.id")).containsExactly(pokrovsk);
        assertThat(list("datetime=2025-03-01").getList("features.id")).containsExactly(zaporizhzhia);
        assertThat(list("datetime=../2025-03-02T23:00:00Z").getList("features.id")).containsExactly(zaporizhzhia);
        assertThat(list("minKilled=1").getList("features.id")).containsExactly(zaporizhzhia);
        assertThat(list("status=verified").getList("features")).isEmpty();
        assertThat(list("eventType=Explosions/Remote violence").getList("features")).hasSize(2);
        assertThat(list("eventType=Battles").getList("features")).isEmpty();
    }

    @Test
    void aBboxWhoseWestEdgeIsEastOfItsEastEdgeCrossesTheAntimeridian() {
        String eastOfIt = create("2025-08-01", 67.0, 179.0, 1, "Air/drone strike");
        String westOfIt = create("2025-08-02", 68.0, -178.0, 1, "Air/drone strike");
        // Inside the box read with its edges swapped (-177..177), outside the one asked for.
        create("2025-08-03", 67.0, 0.0, 1, "Air/drone strike");
        assertThat(list("bbox=177,65,-177,70").getList("features.id")).containsExactly(westOfIt, eastOfIt);
        given().when().get("/incidents?bbox=177,70,-177,65").then().statusCode(400).body("errors[0].field", equalTo("bbox"));
    }

    @Test
    void csvHasAcledLikeColumns() {
        String id = create("2025-04-01", 46.97, 31.99, 2, "Air/drone strike");
        String csv = given().accept("text/csv").when().get("/incidents?admin1=" + oblast)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type");
        assertThat(lines[1]).startsWith(id + ",2025-04-01,2025,1,Explosions/Remote violence,Air/drone strike,")
                .contains(",46.97,31.99,1,").contains(",2,1,");
    }

    @Test
    void statsAggregateByOblastDayAndWeekLeavingRetractedOutWithTheCentroidOfEachGroup() {
        create("2025-05-05", 50.0, 36.2, 3, "Air/drone strike");
        create("2025-05-06", 49.0, 36.4, 2, "Air/drone strike");
        given().when().get("/stats?by=oblast&admin1=" + oblast).then().statusCode(200)
                .body("by", equalTo("oblast"))
                .body("groups", hasSize(1))
                .body("groups[0].key", equalTo(oblast))
                .body("groups[0].incidents", equalTo(2))
                .body("groups[0].killed", equalTo(5))
                .body("groups[0].injured", equalTo(2))
                .body("groups[0].lon", equalTo(36.3f))
                .body("groups[0].lat", equalTo(49.5f));
        given().when().get("/stats?by=day&admin1=" + oblast).then().statusCode(200)
                .body("groups.key", equalTo(List.of("2025-05-05", "2025-05-06")));
        given().when().get("/stats?by=week&admin1=" + oblast).then().statusCode(200)
                .body("groups.key", equalTo(List.of("2025-05-05")))
                .body("groups[0].incidents", equalTo(2));
    }

    @Test
    void everyFormatLeavesRetractedIncidentsOutUnlessTheFiltersAskAboutTheStatus() {
        String live = create("2025-06-01", 50.0, 36.2, 1, "Air/drone strike");
        String retracted = create("2025-06-02", 50.1, 36.3, 2, "Air/drone strike");
        given().auth().oauth2(Tokens.editor()).contentType(ContentType.JSON)
                .body("{\"status\":\"retracted\",\"reason\":\"not an incident\"}")
                .when().post("/incidents/" + retracted + "/status").then().statusCode(200);

        JsonPath page = list("count=true");
        assertThat(page.getList("features.id")).containsExactly(live);
        assertThat(page.getInt("numberMatched")).isEqualTo(1);
        String csv = given().when().get("/incidents?f=csv&admin1=" + oblast).then().statusCode(200).extract().asString();
        assertThat(csv).contains(live).doesNotContain(retracted);
        String kml = given().when().get("/incidents?f=kml&admin1=" + oblast).then().statusCode(200)
                .contentType(startsWith("application/vnd.google-earth.kml+xml")).extract().asString();
        assertThat(kml).contains("incident-" + live).doesNotContain(retracted);

        assertThat(list("status=retracted").getList("features.id")).containsExactly(retracted);
        assertThat(list("filter=status = 'retracted'").getList("features.id")).containsExactly(retracted);
        assertThat(list("filter=status IN ('reported', 'retracted')").getList("features.id")).containsExactly(retracted, live);
        String kmlAsked = given().when().get("/incidents?f=kml&status=retracted&admin1=" + oblast).then().statusCode(200)
                .extract().asString();
        assertThat(kmlAsked).contains("incident-" + retracted).doesNotContain(live);
    }

    @Test
    void badListParametersAreProblemsNamingThem() {
        given().when().get("/incidents?bbox=1,2,3").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("bbox"));
        given().when().get("/incidents?datetime=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("datetime"));
        given().when().get("/incidents?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().when().get("/incidents?cursor=nonsense").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().when().get("/incidents?colour=red").then().statusCode(400).body("errors[0].field", equalTo("colour"));
        given().when().get("/incidents?count=yes").then().statusCode(400).body("errors[0].field", equalTo("count"));
        given().when().get("/incidents?f=csv&count=true").then().statusCode(400).body("errors[0].field", equalTo("count"));
        given().when().get("/incidents?f=kml&count=true").then().statusCode(400).body("errors[0].field", equalTo("count"));
        given().when().get("/incidents?f=gml").then().statusCode(400).body("errors[0].field", equalTo("f"));
        given().when().get("/stats?by=month").then().statusCode(400).body("errors[0].field", equalTo("by"));
    }
}
