package org.incidentmap.incident.filter;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;

/** A scalar operand of a predicate: a queryable's column or a literal, which is always bound, never spliced. */
public sealed interface Operand {

    Queryables.Type type();

    /** The operand as SQL; a literal's value is appended to {@code params} and referenced by number. */
    String sql(Tuple params);

    /** A queryable property, read from its column. */
    record Property(Queryables.Queryable queryable) implements Operand {

        @Override
        public Queryables.Type type() {
            return queryable.type();
        }

        @Override
        public String sql(Tuple params) {
            return queryable.column();
        }
    }

    /**
     * A literal: a String, a Long or Double, a Boolean or a LocalDate. The cast gives the bound
     * value its SQL type, so that PostgreSQL never has to guess it from the other side.
     */
    record Literal(Queryables.Type type, Object value) implements Operand {

        public static Literal of(String text) {
            return new Literal(Queryables.Type.STRING, text);
        }

        public static Literal of(long number) {
            return new Literal(Queryables.Type.INTEGER, number);
        }

        public static Literal of(double number) {
            return new Literal(Queryables.Type.NUMBER, number);
        }

        public static Literal of(boolean flag) {
            return new Literal(Queryables.Type.BOOLEAN, flag);
        }

        public static Literal of(LocalDate date) {
            return new Literal(Queryables.Type.DATE, date);
        }

        @Override
        public String sql(Tuple params) {
            params.addValue(value);
            String sqlType = switch (type) {
                case STRING -> "text";
                case INTEGER -> "int8";
                case NUMBER -> "float8";
                case BOOLEAN -> "boolean";
                case DATE -> "date";
                case GEOMETRY -> throw new IllegalStateException("geometries are Spatial operands");
            };
            return "CAST($" + params.size() + " AS " + sqlType + ")";
        }
    }
}
