package org.incidentmap.incident.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CQL2 JSON reaches the same tree, and so the same SQL and values, as the CQL2 text it encodes. */
class Cql2JsonTest {

    private static String sql(Expression e, List<Object> values) {
        Tuple params = Tuple.tuple();
        String text = e.sql(params);
        for (int k = 0; k < params.size(); k++) {
            values.add(params.getValue(k));
        }
        return text;
    }

    private static void sameAsText(String json, String text) {
        List<Object> fromJson = new ArrayList<>();
        List<Object> fromText = new ArrayList<>();
        assertThat(sql(Cql2Json.parse(json), fromJson)).as(json).isEqualTo(sql(Cql2Text.parse(text), fromText));
        assertThat(fromJson).as(json).isEqualTo(fromText);
    }

    private static Cql2Exception failure(String json) {
        try {
            Cql2Json.parse(json);
        } catch (Cql2Exception e) {
            return e;
        }
        throw new AssertionError("parsed: " + json);
    }

    @Test
    void eachConstructMatchesItsTextForm() {
        sameAsText("{\"op\":\">\",\"args\":[{\"property\":\"killed\"},2]}", "killed > 2");
        sameAsText("{\"op\":\"<>\",\"args\":[{\"property\":\"status\"},\"retracted\"]}", "status <> 'retracted'");
        sameAsText("{\"op\":\"=\",\"args\":[{\"property\":\"killedAtLeast\"},true]}", "killedAtLeast = TRUE");
        sameAsText("{\"op\":\"and\",\"args\":[{\"op\":\">=\",\"args\":[{\"property\":\"killed\"},2.5]},"
                + "{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"injured\"}]}]},"
                + "{\"op\":\"or\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"placeName\"},\"Kh%\"]},"
                + "{\"op\":\"in\",\"args\":[{\"property\":\"admin1\"},[\"A\",\"B\"]]}]}]}",
                "killed >= 2.5 AND NOT injured IS NULL AND (placeName LIKE 'Kh%' OR admin1 IN ('A', 'B'))");
        sameAsText("{\"op\":\"between\",\"args\":[{\"property\":\"killed\"},1,5]}", "killed BETWEEN 1 AND 5");
        sameAsText("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[35,49,38,51]}]}",
                "S_INTERSECTS(geometry, BBOX(35, 49, 38, 51))");
        sameAsText("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[36.23,49.99]}]}",
                "S_INTERSECTS(geometry, POINT(36.23 49.99))");
        sameAsText("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\","
                + "\"coordinates\":[[[30,46],[31,46],[31,47],[30,46]]]}]}",
                "S_INTERSECTS(geometry, POLYGON((30 46, 31 46, 31 47, 30 46)))");
        sameAsText("{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[35,49,38,51]}]}",
                "S_WITHIN(geometry, BBOX(35, 49, 38, 51))");
        sameAsText("{\"op\":\"s_within\",\"args\":[{\"type\":\"Point\",\"coordinates\":[36.23,49.99]},{\"property\":\"geometry\"}]}",
                "S_WITHIN(POINT(36.23 49.99), geometry)");
        sameAsText("{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\","
                + "\"coordinates\":[[[30,46],[31,46],[31,47],[30,46]]]}]}",
                "S_WITHIN(geometry, POLYGON((30 46, 31 46, 31 47, 30 46)))");
        sameAsText("{\"op\":\"t_during\",\"args\":[{\"property\":\"occurredOn\"},{\"interval\":[\"2025-01-01\",\"..\"]}]}",
                "T_DURING(occurredOn, INTERVAL('2025-01-01', '..'))");
        sameAsText("{\"op\":\"t_before\",\"args\":[{\"property\":\"occurredOn\"},{\"timestamp\":\"2025-01-20T12:00:00Z\"}]}",
                "T_BEFORE(occurredOn, TIMESTAMP('2025-01-20T12:00:00Z'))");
        sameAsText("{\"op\":\"<\",\"args\":[{\"property\":\"occurredOn\"},{\"date\":\"2025-03-01\"}]}",
                "occurredOn < DATE('2025-03-01')");
    }

    @Test
    void failuresNameTheJsonPointerOfTheMemberAtFault() {
        Cql2Exception unknown = failure("{\"op\":\"and\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"killed\"},2]},"
                + "{\"op\":\"=\",\"args\":[{\"property\":\"colour\"},\"red\"]}]}");
        assertThat(unknown.where()).isEqualTo("/args/1/args/0");
        assertThat(unknown.getMessage()).contains("unknown property 'colour'");
        assertThat(failure("{\"op\":\"=\",\"args\":[{\"property\":\"killed\"},\"three\"]}").where()).isEqualTo("/");
        assertThat(failure("{\"op\":\"s_crosses\",\"args\":[]}").where()).isEqualTo("/op");
        assertThat(failure("{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"}]}").getMessage())
                .contains("2 arguments");
        assertThat(failure("{\"op\":\">\",\"args\":[{\"property\":\"killed\"}]}").getMessage()).contains("2 arguments");
        assertThat(failure("{\"op\":").getMessage()).startsWith("not JSON");
        assertThat(failure("{\"op\":\"=\",\"op\":\"<\",\"args\":[1,1]}").getMessage()).contains("not JSON");
        assertThat(failure("[1]").getMessage()).contains("expected an operation");
        assertThat(failure("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[30,50,31]}]}").where())
                .isEqualTo("/args/1");
        String deep = "{\"op\":\"not\",\"args\":[".repeat(200) + "true" + "]}".repeat(200);
        assertThat(failure(deep).getMessage()).contains("nests deeper");
    }
}
