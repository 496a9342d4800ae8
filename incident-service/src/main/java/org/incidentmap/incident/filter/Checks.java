package org.incidentmap.incident.filter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The rules every filter is checked by, whichever encoding it came in: names must be queryables,
 * operands of one predicate must have matching types, literals must be well formed. A failure
 * names the position the encoding gives ({@code at}).
 */
final class Checks {

    private static final Set<String> ORDERING = Set.of("<", "<=", ">", ">=");

    private Checks() {
    }

    static Queryables.Queryable queryable(String name, int at) {
        return Queryables.named(name).orElseThrow(() -> new Cql2Exception(at,
                "unknown property '" + name + "'; the queryables are " + Queryables.names()));
    }

    static Operand scalarProperty(String name, int at) {
        var q = queryable(name, at);
        if (q.type() == Queryables.Type.GEOMETRY) {
            throw new Cql2Exception(at, "'" + name + "' is a geometry; compare it with S_INTERSECTS or S_WITHIN");
        }
        return new Operand.Property(q);
    }

    static Spatial spatialProperty(String name, int at) {
        var q = queryable(name, at);
        if (q.type() != Queryables.Type.GEOMETRY) {
            throw new Cql2Exception(at, "'" + name + "' is not a geometry; spatial functions take geometries");
        }
        return new Spatial.Property(q);
    }

    static Period temporalProperty(String name, int at) {
        var q = queryable(name, at);
        if (q.type() != Queryables.Type.DATE) {
            throw new Cql2Exception(at, "'" + name + "' is not a date; temporal functions take dates, timestamps and intervals");
        }
        return new Period.Property(q);
    }

    static Expression comparison(Operand left, String operator, Operand right, int at) {
        sameType(left, right, at);
        if (ORDERING.contains(operator) && left.type() == Queryables.Type.BOOLEAN) {
            throw new Cql2Exception(at, "booleans are compared with = and <> only");
        }
        return new Expression.Comparison(left, operator, right);
    }

    /**
     * CQL2's pattern is a string literal. One ending in a lone escape character would make
     * PostgreSQL fail the whole statement, so it is refused here.
     */
    static Expression like(Operand value, Operand pattern, boolean negated, int at) {
        if (value.type() != Queryables.Type.STRING || pattern.type() != Queryables.Type.STRING) {
            throw new Cql2Exception(at, "LIKE compares strings");
        }
        if (!(pattern instanceof Operand.Literal literal)) {
            throw new Cql2Exception(at, "a LIKE pattern is a string literal");
        }
        String text = (String) literal.value();
        int escapes = 0;
        for (int k = text.length() - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
            escapes++;
        }
        if (escapes % 2 == 1) {
            throw new Cql2Exception(at, "a LIKE pattern cannot end with the escape character \\");
        }
        return new Expression.Like(value, pattern, negated);
    }

    static Expression between(Operand value, Operand low, Operand high, boolean negated, int at) {
        if (!value.type().numeric() && value.type() != Queryables.Type.DATE) {
            throw new Cql2Exception(at, "BETWEEN compares numbers or dates");
        }
        sameType(value, low, at);
        sameType(value, high, at);
        return new Expression.Between(value, low, high, negated);
    }

    static Expression in(Operand value, List<Operand> list, boolean negated, int at) {
        list.forEach(item -> sameType(value, item, at));
        return new Expression.In(value, list, negated);
    }

    private static void sameType(Operand left, Operand right, int at) {
        if (!left.type().comparableWith(right.type())) {
            throw new Cql2Exception(at, "a " + left.type().word() + " is compared with a " + right.type().word());
        }
    }

    static Operand.Literal number(String text, int at) {
        try {
            return Operand.Literal.of(Long.parseLong(text));
        } catch (NumberFormatException notAnInteger) {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new Cql2Exception(at, "the number " + text + " is out of range");
            }
            return Operand.Literal.of(value);
        }
    }

    static LocalDate date(String text, int at) {
        try {
            return inRange(LocalDate.parse(text), text, at);
        } catch (DateTimeParseException e) {
            throw new Cql2Exception(at, "'" + text + "' is not a date YYYY-MM-DD");
        }
    }

    /** Years 1 to 9999, which PostgreSQL and the client's date encoding both hold. */
    private static LocalDate inRange(LocalDate day, String text, int at) {
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new Cql2Exception(at, "'" + text + "' is outside the years 1 to 9999");
        }
        return day;
    }

    /** A timestamp's UTC day: incidents are dated to the day. */
    static LocalDate timestamp(String text, int at) {
        try {
            return inRange(OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), text, at);
        } catch (DateTimeParseException e) {
            throw new Cql2Exception(at, "'" + text + "' is not an RFC 3339 timestamp such as 2025-01-31T12:00:00Z");
        }
    }

    static Period interval(LocalDate start, LocalDate end, int at) {
        if (start != null && end != null && start.isAfter(end)) {
            throw new Cql2Exception(at, "the interval ends before it starts");
        }
        return new Period.Days(start, end);
    }

    static double[] position(double lon, double lat, int at) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new Cql2Exception(at, "a position is longitude -180..180 then latitude -90..90");
        }
        return new double[] {lon, lat};
    }

    static Spatial polygon(List<List<double[]>> rings, int at) {
        for (List<double[]> ring : rings) {
            double[] first = ring.get(0);
            double[] last = ring.get(ring.size() - 1);
            if (ring.size() < 4 || first[0] != last[0] || first[1] != last[1]) {
                throw new Cql2Exception(at, "a polygon's ring has at least four positions and ends where it starts");
            }
        }
        return Spatial.Shape.polygon(rings);
    }

    static Spatial bbox(double west, double south, double east, double north, int at) {
        position(west, south, at);
        position(east, north, at);
        if (south > north) {
            throw new Cql2Exception(at, "a BBOX is west, south, east, north with south not above north");
        }
        return new Spatial.Box(west, south, east, north);
    }
}
