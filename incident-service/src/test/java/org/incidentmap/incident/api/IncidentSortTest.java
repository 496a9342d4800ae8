package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.incidentmap.incident.support.Incidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /incidents?sortby= orders by date, killed or injured and pages by keyset in that order. */
@QuarkusTest
class IncidentSortTest {

    /** A made-up oblast name per test keeps other tests' incidents out of the answers. */
    private String oblast;

    @BeforeEach
    void uniqueOblast() {
        oblast = "Sort-oblast-" + UUID.randomUUID();
    }

    private String create(String date, String killed, int injured) {
        return Incidents.create("""
                {"eventType":"Explosions/Remote violence","subEventType":"Air/drone strike","occurredOn":"%s","country":"UA",
                 "admin1":"%s","placeName":"Somewhere","latitude":48.0,"longitude":37.8,"killed":%s,"injured":%d}"""
                .formatted(date, oblast, killed, injured)).statusCode(201).extract().path("id");
    }

    /** Every id of the listing in {@code sortby}, following next links {@code limit} at a time. */
    private List<String> allPages(String sortby, int limit) {
        List<String> ids = new ArrayList<>();
        String next = "/incidents?admin1=" + oblast + "&sortby=" + sortby + "&limit=" + limit;
        while (next != null) {
            JsonPath page = given().urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("features.id"));
            next = page.getString("links.find { it.rel == 'next' }.href");
        }
        return ids;
    }

    @Test
    void sortbyKilledDescendingPutsUnknownLastAndBreaksTiesByIdAcrossPages() {
        String five = create("2025-03-01", "5", 0);
        String unknown = create("2025-03-02", "null", 0);
        String twoA = create("2025-03-03", "2", 0);
        String twoB = create("2025-03-04", "2", 0);
        String zero = create("2025-03-05", "0", 0);
        List<String> twos = new ArrayList<>(List.of(twoA, twoB));
        // PostgreSQL orders uuids by their bytes, which is the order of their lower-case hex text
        twos.sort(Comparator.reverseOrder());

        for (int limit : new int[] {1, 2, 10}) {
            assertThat(allPages("-killed", limit)).as("limit %d", limit)
                    .containsExactly(five, twos.get(0), twos.get(1), zero, unknown);
        }
    }

    @Test
    void sortbyAscendingDateAndMixedDirectionsPageWithoutSkippingOrRepeating() {
        String first = create("2025-04-01", "1", 9);
        String second = create("2025-04-02", "1", 3);
        String third = create("2025-04-03", "0", 3);

        assertThat(allPages("occurredOn", 1)).containsExactly(first, second, third);
        assertThat(allPages("date", 2)).containsExactly(first, second, third);
        // injured ascending, then the newest of equals first
        assertThat(allPages("injured,-occurredOn", 1)).containsExactly(third, second, first);
        assertThat(allPages("-killed,injured", 1)).containsExactly(second, first, third);
    }

    @Test
    void anUnknownSortKeyIsA400NamingSortby() {
        given().when().get("/incidents?sortby=-placeName").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("placeName")).body("errors[0].field", equalTo("sortby"));
    }

    @Test
    void aCursorOfAnotherSortOrderIsA400NamingCursor() {
        create("2025-05-01", "1", 1);
        create("2025-05-02", "2", 1);
        String next = given().when().get("/incidents?admin1=" + oblast + "&sortby=-killed&limit=1").then().statusCode(200)
                .extract().path("links.find { it.rel == 'next' }.href");
        String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length());
        given().when().get("/incidents?admin1=" + oblast + "&sortby=-killed,injured&cursor=" + cursor).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }
}
