package org.incidentmap.incident.store;

import io.vertx.mutiny.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The columns of one table as Java writes them, each named once: the list builds the set-based
 * statements (one array per column, unnested into rows) and binds each row's values in the same
 * order, for the reactive client and for JDBC alike. A single write is a batch of one, so single
 * writes and imports run the same statements.
 *
 * @param <T> what one row is made from
 */
public final class Columns<T> {

    /** A column's type as its values travel: one array of this element type per column. */
    public enum Type {
        UUID("uuid", java.util.UUID.class),
        TEXT("text", String.class),
        INT2("int2", Short.class),
        INT4("int4", Integer.class),
        INT8("int8", Long.class),
        BOOL("bool", Boolean.class),
        DATE("date", LocalDate.class),
        TIMESTAMPTZ("timestamptz", OffsetDateTime.class),
        /**
         * JSON documents the service rendered, never null: all rows' documents in one text
         * parameter, separated by U+001E, which the JSON generator always escapes so that it never
         * occurs inside one; PostgreSQL splits it. As a text[] parameter PgJDBC encoded them element
         * by element through a buffer grown a copy at a time: a third of an import's allocation.
         */
        JSON_DOCUMENTS("text", String.class);

        private static final char SEPARATOR = '\u001e';

        private final String sql;
        private final Class<?> element;

        Type(String sql, Class<?> element) {
            this.sql = sql;
            this.element = element;
        }

        /** The value as the reactive client binds it. */
        Object reactive(Object value) {
            return value instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : value;
        }

        /** The value as PgJDBC's createArrayOf takes it: dates and times as their ISO text. */
        Object jdbc(Object value) {
            return value instanceof Instant || value instanceof LocalDate ? value.toString() : value;
        }
    }

    /**
     * One column: its name in the table, the type its values travel as, the SQL that turns the
     * unnested value {@code r.<name>} into the stored one, and the value of a row.
     */
    public record Column<T>(String name, Type type, String expression, Function<T, Object> value) {

        public static <T> Column<T> of(String name, Type type, Function<T, Object> value) {
            return new Column<>(name, type, "r." + name, value);
        }

        /** A column stored through an expression over {@code r.<name>}, e.g. text cast to an array or a geometry. */
        public static <T> Column<T> stored(String name, Type type, String expression, Function<T, Object> value) {
            return new Column<>(name, type, expression, value);
        }
    }

    private final String table;
    private final List<Column<T>> columns;

    @SafeVarargs
    public Columns(String table, Column<T>... columns) {
        this.table = table;
        this.columns = List.of(columns);
    }

    /** Placeholders of the reactive client: {@code $1, $2, ...}. */
    public static final IntFunction<String> REACTIVE = n -> "$" + n;
    /** Placeholders of JDBC. */
    public static final IntFunction<String> JDBC = n -> "?";

    /** INSERT of every column, rows in the order given (the order serial ids are taken in). */
    public String insert(IntFunction<String> placeholder) {
        return "INSERT INTO " + table + " (" + names() + ")\nSELECT "
                + columns.stream().map(Column::expression).collect(Collectors.joining(", "))
                + "\nFROM " + unnest(placeholder) + " WITH ORDINALITY AS r(" + names() + ", ord)\nORDER BY r.ord";
    }

    /** UPDATE of every column but {@code key}, one row per unnested row, matched by {@code key}. */
    public String update(String key, IntFunction<String> placeholder) {
        return "UPDATE " + table + " t SET "
                + columns.stream().filter(c -> !c.name().equals(key))
                        .map(c -> c.name() + " = " + c.expression()).collect(Collectors.joining(", "))
                + "\nFROM " + unnest(placeholder) + " AS r(" + names() + ")\nWHERE t." + key + " = r." + key;
    }

    private String unnest(IntFunction<String> placeholder) {
        List<String> arrays = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            Type type = columns.get(k).type();
            arrays.add(type == Type.JSON_DOCUMENTS
                    ? "string_to_array(CAST(" + placeholder.apply(k + 1) + " AS text), chr(30))"
                    : "CAST(" + placeholder.apply(k + 1) + " AS " + type.sql + "[])");
        }
        return "unnest(" + String.join(", ", arrays) + ")";
    }

    private String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The rows' values, one typed array per column, for the reactive client. */
    public Tuple tuple(List<T> rows) {
        Tuple tuple = Tuple.tuple();
        for (Column<T> column : columns) {
            if (column.type() == Type.JSON_DOCUMENTS) {
                tuple.addString(documents(column, rows));
                continue;
            }
            Object array = Array.newInstance(column.type().element, rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Array.set(array, r, column.type().reactive(column.value().apply(rows.get(r))));
            }
            tuple.addValue(array);
        }
        return tuple;
    }

    /** Binds the rows' values, one array per column, from parameter 1 on. */
    public void bind(Connection c, PreparedStatement ps, List<T> rows) throws SQLException {
        for (int k = 0; k < columns.size(); k++) {
            Column<T> column = columns.get(k);
            if (column.type() == Type.JSON_DOCUMENTS) {
                ps.setString(k + 1, documents(column, rows));
                continue;
            }
            Object[] values = new Object[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = column.type().jdbc(column.value().apply(rows.get(r)));
            }
            ps.setArray(k + 1, c.createArrayOf(column.type().sql, values));
        }
    }

    private static <T> String documents(Column<T> column, List<T> rows) {
        StringBuilder joined = new StringBuilder(rows.size() * 512);
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                joined.append(Type.SEPARATOR);
            }
            joined.append((String) column.value().apply(rows.get(r)));
        }
        return joined.toString();
    }
}
