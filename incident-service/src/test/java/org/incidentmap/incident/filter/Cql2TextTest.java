package org.incidentmap.incident.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** CQL2 text becomes SQL over the incident view with every value bound; bad filters fail naming where. */
class Cql2TextTest {

    private record Sql(String text, List<Object> values) {
    }

    private static Sql sql(String filter) {
        Tuple params = Tuple.tuple();
        String text = Cql2Text.parse(filter).sql(params);
        List<Object> values = new ArrayList<>();
        for (int k = 0; k < params.size(); k++) {
            values.add(params.getValue(k));
        }
        return new Sql(text, values);
    }

    private static Cql2Exception failure(String filter) {
        try {
            Cql2Text.parse(filter);
        } catch (Cql2Exception e) {
            return e;
        }
        throw new AssertionError("parsed: " + filter);
    }

    @Test
    void comparisonsBindTheLiteralWithItsType() {
        assertThat(sql("killed > 2")).isEqualTo(new Sql("(i.killed > CAST($1 AS int8))", List.of(2L)));
        assertThat(sql("killed>=2.5").text()).isEqualTo("(i.killed >= CAST($1 AS float8))");
        assertThat(sql("injured <= -1").values()).containsExactly(-1L);
        assertThat(sql("status <> 'retracted'")).isEqualTo(new Sql("(i.status <> CAST($1 AS text))", List.of("retracted")));
        assertThat(sql("killedAtLeast = TRUE")).isEqualTo(new Sql("(i.killed_at_least = CAST($1 AS boolean))", List.of(true)));
        assertThat(sql("occurredOn < DATE('2025-03-01')").values()).containsExactly(LocalDate.of(2025, 3, 1));
        assertThat(sql("killed = injured").text()).isEqualTo("(i.killed = i.injured)");
    }

    @Test
    void aValueIsNeverSplicedIntoTheSql() {
        Sql injection = sql("placeName = 'x''); DROP TABLE incident.incidents; --'");
        assertThat(injection.text()).isEqualTo("(i.place_name = CAST($1 AS text))");
        assertThat(injection.values()).containsExactly("x'); DROP TABLE incident.incidents; --");
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(sql("NOT killed = 1 AND injured = 2 OR admin1 = 'X'").text()).isEqualTo(
                "(((NOT (i.killed = CAST($1 AS int8))) AND (i.injured = CAST($2 AS int8))) OR (i.admin1 = CAST($3 AS text)))");
        assertThat(sql("killed = 1 and (injured = 2 or admin1 = 'X')").text()).isEqualTo(
                "((i.killed = CAST($1 AS int8)) AND ((i.injured = CAST($2 AS int8)) OR (i.admin1 = CAST($3 AS text))))");
    }

    @Test
    void keywordsAreCaseInsensitivePropertyNamesAreNot() {
        assertThat(sql("killed is not null").text()).isEqualTo("(i.killed IS NOT NULL)");
        assertThat(sql("\"killed\" IS NULL").text()).isEqualTo("(i.killed IS NULL)");
        assertThat(failure("Killed > 1").getMessage()).contains("unknown property 'Killed'");
    }

    @Test
    void likeBetweenAndInTakeTheirNegations() {
        assertThat(sql("placeName LIKE 'Khark%'")).isEqualTo(new Sql("(i.place_name LIKE CAST($1 AS text))", List.of("Khark%")));
        assertThat(sql("placeName NOT LIKE '_umy'").text()).isEqualTo("(i.place_name NOT LIKE CAST($1 AS text))");
        assertThat(sql("killed BETWEEN 1 AND 5 AND injured = 0")).isEqualTo(new Sql(
                "((i.killed BETWEEN CAST($1 AS int8) AND CAST($2 AS int8)) AND (i.injured = CAST($3 AS int8)))",
                List.of(1L, 5L, 0L)));
        assertThat(sql("occurredOn NOT BETWEEN DATE('2025-01-01') AND DATE('2025-01-31')").text())
                .isEqualTo("(i.occurred_on NOT BETWEEN CAST($1 AS date) AND CAST($2 AS date))");
        assertThat(sql("status IN ('verified', 'disputed')")).isEqualTo(new Sql(
                "(i.status IN (CAST($1 AS text), CAST($2 AS text)))", List.of("verified", "disputed")));
        assertThat(sql("admin1 NOT IN ('A')").text()).isEqualTo("(i.admin1 NOT IN (CAST($1 AS text)))");
    }

    @Test
    void spatialIntersectsTakesBboxPointAndPolygonLiterals() {
        assertThat(sql("S_INTERSECTS(geometry, BBOX(35, 49, 38, 51))")).isEqualTo(new Sql(
                "ST_Intersects(i.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326))", List.of(35.0, 49.0, 38.0, 51.0)));
        assertThat(sql("s_intersects(geometry, POINT(36.23 49.99))")).isEqualTo(new Sql(
                "ST_Intersects(i.geom, ST_GeomFromText(CAST($1 AS text), 4326))", List.of("POINT(36.23 49.99)")));
        assertThat(sql("S_INTERSECTS(POLYGON((30 46, 31 46, 31 47, 30 46)), geometry)").values())
                .containsExactly("POLYGON((30.0 46.0,31.0 46.0,31.0 47.0,30.0 46.0))");
    }

    @Test
    void spatialWithinTakesTheSameLiteralsAndRendersStWithinInItsOperandOrder() {
        assertThat(sql("S_WITHIN(geometry, BBOX(35, 49, 38, 51))")).isEqualTo(new Sql(
                "ST_Within(i.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326))", List.of(35.0, 49.0, 38.0, 51.0)));
        assertThat(sql("s_within(geometry, POINT(36.23 49.99))")).isEqualTo(new Sql(
                "ST_Within(i.geom, ST_GeomFromText(CAST($1 AS text), 4326))", List.of("POINT(36.23 49.99)")));
        assertThat(sql("S_WITHIN(POLYGON((30 46, 31 46, 31 47, 30 46)), geometry)")).isEqualTo(new Sql(
                "ST_Within(ST_GeomFromText(CAST($1 AS text), 4326), i.geom)",
                List.of("POLYGON((30.0 46.0,31.0 46.0,31.0 47.0,30.0 46.0))")));
        assertThat(sql("S_WITHIN(geometry, BBOX(170, -10, -170, 10)) AND killed > 1").text()).isEqualTo(
                "(ST_Within(i.geom, ST_Collect(ST_MakeEnvelope($1, $2, $3, $4, 4326), ST_MakeEnvelope($5, $6, $7, $8, 4326)))"
                        + " AND (i.killed > CAST($9 AS int8)))");
    }

    @Test
    void aFilterKnowsWhichQueryablesItNames() {
        assertThat(Cql2Text.parse("killed > 1 AND NOT (status IN ('retracted'))").names("status")).isTrue();
        assertThat(Cql2Text.parse("placeName LIKE 'K%' OR status IS NULL").names("status")).isTrue();
        assertThat(Cql2Text.parse("killed > 1 AND placeName = 'status'").names("status")).isFalse();
        assertThat(Cql2Text.parse("S_WITHIN(geometry, BBOX(30, 46, 33, 47))").names("geometry")).isTrue();
        assertThat(Cql2Text.parse("T_BEFORE(occurredOn, DATE('2025-01-01'))").names("status")).isFalse();
    }

    @Test
    void aBboxWhoseWestEdgeIsEastOfItsEastEdgeCrossesTheAntimeridian() {
        assertThat(sql("S_INTERSECTS(geometry, BBOX(170, -10, -170, 10))")).isEqualTo(new Sql(
                "ST_Intersects(i.geom, ST_Collect(ST_MakeEnvelope($1, $2, $3, $4, 4326), ST_MakeEnvelope($5, $6, $7, $8, 4326)))",
                List.of(170.0, -10.0, 180.0, 10.0, -180.0, -10.0, -170.0, 10.0)));
    }

    @Test
    void temporalFunctionsCompareFirstAndLastDays() {
        assertThat(sql("T_INTERSECTS(occurredOn, INTERVAL('2025-01-01', '2025-01-31'))")).isEqualTo(new Sql(
                "(i.occurred_on <= CAST($2 AS date) AND i.occurred_on >= CAST($1 AS date))",
                List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31))));
        assertThat(sql("T_BEFORE(occurredOn, DATE('2025-02-01'))")).isEqualTo(new Sql(
                "(i.occurred_on < CAST($1 AS date))", List.of(LocalDate.of(2025, 2, 1))));
        assertThat(sql("T_DURING(occurredOn, INTERVAL('2025-01-01', '..'))")).isEqualTo(new Sql(
                "(i.occurred_on > CAST($1 AS date) AND i.occurred_on < CAST('infinity' AS date))",
                List.of(LocalDate.of(2025, 1, 1))));
        assertThat(sql("t_intersects(occurredOn, DATE('2025-01-05'))").text())
                .isEqualTo("(i.occurred_on <= CAST($1 AS date) AND i.occurred_on >= CAST($1 AS date))");
    }

    @Test
    void aTimestampIsTakenAsItsUtcDay() {
        assertThat(sql("T_INTERSECTS(occurredOn, TIMESTAMP('2025-01-05T23:30:00-02:00'))").values())
                .containsExactly(LocalDate.of(2025, 1, 6));
        assertThat(sql("occurredOn = TIMESTAMP('2025-01-05T10:00:00Z')").values()).containsExactly(LocalDate.of(2025, 1, 5));
        assertThat(sql("T_AFTER(occurredOn, INTERVAL(TIMESTAMP('2025-01-01T00:00:00Z'), DATE('2025-01-09')))").values())
                .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 9));
    }

    @Test
    void syntaxErrorsNameTheirPosition() {
        assertThat(failure("killed >").position()).isEqualTo(9);
        assertThat(failure("killed > 2 AND").position()).isEqualTo(15);
        assertThat(failure("killed >> 2").position()).isEqualTo(9);
        assertThat(failure("(killed > 2").position()).isEqualTo(12);
        assertThat(failure("placeName = 'unterminated").position()).isEqualTo(13);
        assertThat(failure("killed ! 2").position()).isEqualTo(8);
        assertThat(failure("S_CROSSES(geometry, POINT(1 2))").position()).isEqualTo(10);
    }

    @Test
    void unknownPropertiesAndMismatchedTypesNameTheirPosition() {
        Cql2Exception unknown = failure("killed > 1 AND weapons = 'drone'");
        assertThat(unknown.position()).isEqualTo(16);
        assertThat(unknown.getMessage()).contains("unknown property 'weapons'").contains("killed");
        assertThat(failure("killed = 'three'").position()).isEqualTo(8);
        assertThat(failure("killed LIKE 'x%'").getMessage()).contains("LIKE compares strings");
        assertThat(failure("killedAtLeast < TRUE").getMessage()).contains("= and <>");
        assertThat(failure("status IN ('verified', 3)").getMessage()).contains("string is compared with a integer");
        assertThat(failure("geometry = 1").getMessage()).contains("S_INTERSECTS");
        assertThat(failure("S_INTERSECTS(killed, POINT(1 2))").position()).isEqualTo(14);
        assertThat(failure("S_WITHIN(geometry, killed)").position()).isEqualTo(20);
        assertThat(failure("S_WITHIN(geometry, killed)").getMessage()).contains("not a geometry");
        assertThat(failure("T_BEFORE(killed, DATE('2025-01-01'))").getMessage()).contains("not a date");
    }

    @Test
    void malformedLiteralsAreRefused() {
        assertThat(failure("occurredOn = DATE('2025-02-30')").position()).isEqualTo(19);
        assertThat(failure("occurredOn = TIMESTAMP('yesterday')").getMessage()).contains("RFC 3339");
        assertThat(failure("S_INTERSECTS(geometry, POINT(200 10))").getMessage()).contains("longitude");
        assertThat(failure("S_INTERSECTS(geometry, BBOX(30, 50, 31, 49))").getMessage()).contains("south");
        assertThat(failure("S_INTERSECTS(geometry, POLYGON((30 46, 31 46, 31 47)))").getMessage()).contains("ring");
        assertThat(failure("S_WITHIN(geometry, POINT(30 95))").getMessage()).contains("latitude");
        assertThat(failure("S_WITHIN(geometry, BBOX(30, 50, 31, 49))").getMessage()).contains("south");
        assertThat(failure("S_WITHIN(geometry, POLYGON((30 46, 31 46, 31 47, 30 47)))").getMessage()).contains("ring");
        assertThat(failure("T_DURING(occurredOn, INTERVAL('2025-02-01', '2025-01-01'))").getMessage())
                .contains("ends before it starts");
        assertThat(failure("killed > 1e999").getMessage()).contains("out of range");
        assertThat(failure("occurredOn > DATE('+10000-01-01')").getMessage()).contains("years 1 to 9999");
        assertThat(failure("occurredOn > TIMESTAMP('0000-12-31T00:00:00Z')").getMessage()).contains("years 1 to 9999");
    }

    @Test
    void aLikePatternIsALiteralThatDoesNotEndInALoneEscape() {
        assertThat(failure("placeName LIKE 'Kh\\'").getMessage()).contains("escape character");
        assertThat(sql("placeName LIKE '100\\%\\\\'").values()).containsExactly("100\\%\\\\");
        assertThat(failure("placeName LIKE admin1").getMessage()).contains("string literal");
    }

    @Test
    void anySequenceOfFilterTokensIsEitherAFilterOrARefusalWithAPosition() {
        List<String> vocabulary = List.of("killed", "placeName", "geometry", "occurredOn", "nope", "\"killed\"", "=", "<>",
                "<", ">=", "(", ")", ",", "-", "AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "2", "2.5",
                "1e3", "'Kh%'", "'..'", "'2025-01-01'", "DATE", "TIMESTAMP", "INTERVAL", "POINT", "POLYGON", "BBOX",
                "S_INTERSECTS", "S_WITHIN", "T_BEFORE", "T_INTERSECTS", "'", "\"", "!", "#", "\u0000", "é");
        qt().withExamples(5000).forAll(lists().of(integers().between(0, vocabulary.size() - 1)).ofSizeBetween(0, 14))
                .checkAssert(picks -> {
                    StringBuilder filter = new StringBuilder();
                    picks.forEach(k -> filter.append(vocabulary.get(k)).append(k % 3 == 0 ? "" : " "));
                    try {
                        Cql2Text.parse(filter.toString()).sql(Tuple.tuple());
                    } catch (Cql2Exception e) {
                        assertThat(e.position()).as(filter.toString()).isBetween(1, filter.length() + 1);
                    }
                });
    }

    @Test
    void nestingBeyondTheLimitIsRefusedBeforeParsing() {
        String deep = "(".repeat(100_000) + "killed = 1" + ")".repeat(100_000);
        assertThat(failure(deep).getMessage()).contains("nests deeper than " + Cql2Text.MAX_DEPTH);
        assertThat(failure("NOT ".repeat(100_000) + "killed = 1").getMessage()).contains("nests deeper");
        String allowed = "(".repeat(Cql2Text.MAX_DEPTH) + "killed = 1" + ")".repeat(Cql2Text.MAX_DEPTH);
        assertThat(sql(allowed).text()).isEqualTo("(i.killed = CAST($1 AS int8))");
    }

    @Test
    void literalsFollowTheValuesAlreadyBound() {
        Tuple params = Tuple.of("bbox-or-other", 7);
        assertThat(Cql2Text.parse("killed > 2 OR placeName = 'Sumy'").sql(params))
                .isEqualTo("((i.killed > CAST($3 AS int8)) OR (i.place_name = CAST($4 AS text)))");
        assertThat(params.size()).isEqualTo(4);
    }
}
