package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.incidentmap.incident.support.Incidents;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Generated filters over the API select the same incidents, in the same order, as the same
 * condition written by hand in SQL against the table.
 */
@QuarkusTest
class Cql2PropertyTest {

    private static final String[] PLACES = {"Kharkiv", "Kyiv", "Sumy", "Kherson"};
    private static final String[] OPERATORS = {"=", "<>", "<", "<=", ">", ">="};

    @Inject
    Pool pool;

    /** One condition in both forms; SQL literals here are the test's own generated values. */
    private record Condition(String cql, String sql) {
    }

    private static Condition condition(int kind, int n, int op, int negated) {
        String o = OPERATORS[op];
        String day = String.format(Locale.ROOT, "2025-06-%02d", 1 + n);
        Condition c = switch (kind) {
            case 0 -> new Condition("killed " + o + " " + n, "killed " + o + " " + n);
            case 1 -> new Condition("placeName " + o + " '" + PLACES[n % 4] + "'", "place_name " + o + " '" + PLACES[n % 4] + "'");
            case 2 -> new Condition("occurredOn " + o + " DATE('" + day + "')", "occurred_on " + o + " DATE '" + day + "'");
            case 3 -> new Condition("killed BETWEEN " + op + " AND " + n, "killed BETWEEN " + op + " AND " + n);
            case 4 -> new Condition("killed IS NULL", "killed IS NULL");
            case 5 -> new Condition("placeName LIKE '" + PLACES[n % 4].substring(0, 2) + "%'",
                    "place_name LIKE '" + PLACES[n % 4].substring(0, 2) + "%'");
            case 6 -> {
                String box = (30 + op) + ", 46, " + (31 + op + n / 2) + ", " + (47 + n / 2);
                yield new Condition("S_INTERSECTS(geometry, BBOX(" + box + "))", "ST_Intersects(geom, ST_MakeEnvelope(" + box + ", 4326))");
            }
            case 7 -> {
                // edges on whole and half degrees put some incidents exactly on the boundary, where only S_INTERSECTS holds
                String box = (30 + op * 0.6) + ", 46, " + (31 + op + n / 2) + ", " + (46.4 + n * 0.4);
                yield new Condition("S_WITHIN(geometry, BBOX(" + box + "))", "ST_Within(geom, ST_MakeEnvelope(" + box + ", 4326))");
            }
            default -> new Condition("T_INTERSECTS(occurredOn, INTERVAL('" + day + "', '..'))", "occurred_on >= DATE '" + day + "'");
        };
        return negated == 1 ? new Condition("NOT (" + c.cql() + ")", "NOT (" + c.sql() + ")") : c;
    }

    private static Gen<Condition> conditions() {
        return integers().between(0, 8).zip(integers().between(0, 10), integers().between(0, 5), integers().between(0, 1),
                Cql2PropertyTest::condition);
    }

    private static Gen<Condition> filters() {
        return conditions().zip(conditions(), integers().between(0, 2), (a, b, join) -> switch (join) {
            case 0 -> a;
            case 1 -> new Condition("(" + a.cql() + ") AND (" + b.cql() + ")", "(" + a.sql() + ") AND (" + b.sql() + ")");
            default -> new Condition("(" + a.cql() + ") OR (" + b.cql() + ")", "(" + a.sql() + ") OR (" + b.sql() + ")");
        });
    }

    @Test
    void generatedFiltersSelectWhatTheSameConditionSelectsInSql() {
        String oblast = "Property oblast " + UUID.randomUUID();
        for (int k = 0; k < 12; k++) {
            Incidents.create(String.format(Locale.ROOT, """
                    {"eventType":"Explosions/Remote violence","occurredOn":"2025-06-%02d","country":"UA","admin1":"%s",
                     "placeName":"%s","latitude":%s,"longitude":%s,"killed":%s}""",
                    1 + k, oblast, PLACES[k % 4], 46 + k * 0.4, 30 + k * 0.6, k % 5 == 4 ? "null" : Integer.toString(k % 7)))
                    .statusCode(201);
        }
        Set<Integer> sizes = new HashSet<>();
        qt().withExamples(80).withShrinkCycles(20).forAll(filters()).checkAssert(filter -> {
            List<String> api = given().queryParam("admin1", oblast).queryParam("filter", filter.cql()).queryParam("limit", 100)
                    .when().get("/incidents").then().statusCode(200).extract().jsonPath().getList("features.id");
            List<String> sql = new ArrayList<>();
            for (Row row : pool.query("SELECT id FROM incident.incidents WHERE admin1 = '" + oblast + "' AND (" + filter.sql()
                    + ") ORDER BY occurred_on DESC, id DESC").execute().await().indefinitely()) {
                sql.add(row.getUUID("id").toString());
            }
            assertThat(api).as(filter.cql()).isEqualTo(sql);
            sizes.add(api.size());
        });
        // the generated filters select many different subsets, not only none or all of them
        assertThat(sizes).hasSizeGreaterThan(4);
    }
}
