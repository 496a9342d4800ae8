package org.incidentmap.incident.store;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentmap.incident.store.IncidentStream.Cursor;

/**
 * The order of a listing, from OGC's {@code sortby}: one or more of {@code occurredOn} (alias
 * {@code date}), {@code killed} and {@code injured}, each ascending or, with a leading {@code -},
 * descending. The incident id always breaks ties, so every row has one place and keyset paging
 * neither skips nor repeats a row under any order.
 */
public record SortOrder(List<Key> keys) {

    /** Newest first, the order of a listing that asks for none. */
    public static final SortOrder NEWEST_FIRST = new SortOrder(List.of(new Key(Column.OCCURRED_ON, true)));

    private static final Map<String, Column> NAMES = Map.of(
            "occurredOn", Column.OCCURRED_ON, "date", Column.OCCURRED_ON,
            "killed", Column.KILLED, "injured", Column.INJURED);

    /** A sortable property: the SQL expression it sorts by and how its value is read and bound. */
    enum Column {
        OCCURRED_ON("i.occurred_on", "date"),
        // unknown (null) sorts below every known figure: it is not zero, but it is no evidence of more
        KILLED("COALESCE(i.killed, -1)", "integer"),
        INJURED("COALESCE(i.injured, -1)", "integer");

        final String sql;
        final String type;

        Column(String sql, String type) {
            this.sql = sql;
            this.type = type;
        }

        Object read(Row row, String column) {
            return this == OCCURRED_ON ? row.getLocalDate(column) : row.getInteger(column);
        }

        Object parse(String text) {
            return this == OCCURRED_ON ? LocalDate.parse(text) : Integer.valueOf(text);
        }
    }

    public record Key(Column column, boolean descending) {
    }

    /** The order {@code text} names, or {@link #NEWEST_FIRST} when it is absent; an unknown key is an IllegalArgumentException. */
    public static SortOrder parse(String text) {
        if (text == null || text.isBlank()) {
            return NEWEST_FIRST;
        }
        List<Key> keys = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.trim();
            boolean descending = name.startsWith("-");
            if (descending || name.startsWith("+")) {
                name = name.substring(1);
            }
            Column column = NAMES.get(name);
            if (column == null) {
                throw new IllegalArgumentException("unknown sort key '" + name + "'; sortable: occurredOn (or date), killed, injured,"
                        + " each with - for descending");
            }
            if (keys.stream().anyMatch(k -> k.column == column)) {
                throw new IllegalArgumentException("sort key '" + name + "' given twice");
            }
            keys.add(new Key(column, descending));
        }
        return new SortOrder(List.copyOf(keys));
    }

    /** The select list of the sort values, read back by {@link #cursorAt}. */
    String selectSql() {
        StringBuilder sql = new StringBuilder();
        for (int k = 0; k < keys.size(); k++) {
            sql.append(keys.get(k).column.sql).append(" AS sort_").append(k).append(", ");
        }
        return sql.append("i.id AS sort_id").toString();
    }

    String orderBySql() {
        StringBuilder sql = new StringBuilder();
        for (Key key : keys) {
            sql.append(key.column.sql).append(key.descending ? " DESC, " : " ASC, ");
        }
        return sql.append("i.id").append(idDescending() ? " DESC" : " ASC").toString();
    }

    /**
     * The rows after {@code cursor} in this order, its values appended to {@code params}. One
     * direction throughout is a row comparison, which the (occurred_on, id) index serves; mixed
     * directions expand to "first key past, or equal and the next key past, ...".
     */
    String afterSql(Cursor cursor, Tuple params) {
        List<String> operands = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            params.addValue(cursor.values().get(k));
            operands.add(keys.get(k).column.sql);
            values.add("CAST($" + params.size() + " AS " + keys.get(k).column.type + ")");
        }
        params.addUUID(cursor.id());
        operands.add("i.id");
        values.add("$" + params.size());
        if (keys.stream().allMatch(k -> k.descending == idDescending())) {
            String op = idDescending() ? " < " : " > ";
            return "(" + String.join(", ", operands) + ")" + op + "(" + String.join(", ", values) + ")";
        }
        List<String> alternatives = new ArrayList<>();
        for (int k = 0; k < operands.size(); k++) {
            List<String> terms = new ArrayList<>();
            for (int e = 0; e < k; e++) {
                terms.add(operands.get(e) + " = " + values.get(e));
            }
            terms.add(operands.get(k) + (descendingAt(k) ? " < " : " > ") + values.get(k));
            alternatives.add("(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    Cursor cursorAt(Row row) {
        List<Object> values = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            values.add(keys.get(k).column.read(row, "sort_" + k));
        }
        return new Cursor(values, row.getUUID("sort_id"));
    }

    /** The cursor a next link of this order carries, or null when it is not one (of this order). */
    public Cursor decode(String text) {
        try {
            String[] parts = Cursor.parts(text);
            if (parts.length != keys.size() + 1) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                values.add(keys.get(k).column.parse(parts[k]));
            }
            return new Cursor(values, UUID.fromString(parts[keys.size()]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean descendingAt(int k) {
        return k < keys.size() ? keys.get(k).descending : idDescending();
    }

    /** Ties go the way of the last key, so a single-direction order stays one row comparison. */
    private boolean idDescending() {
        return keys.get(keys.size() - 1).descending;
    }
}
