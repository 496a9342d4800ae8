package org.incidentmap.incident.filter;

import java.util.Locale;

/**
 * CQL2's temporal functions as conditions on the first (s) and last (e) days of two periods a and
 * b, after the interval relations of OGC 21-065r2 section 7.12; an instant is a period whose first
 * day is its last.
 */
enum TemporalRelation {
    T_AFTER("%1$s > %4$s"),
    T_BEFORE("%2$s < %3$s"),
    T_CONTAINS("%1$s < %3$s AND %2$s > %4$s"),
    T_DISJOINT("(%1$s > %4$s OR %2$s < %3$s)"),
    T_DURING("%1$s > %3$s AND %2$s < %4$s"),
    T_EQUALS("%1$s = %3$s AND %2$s = %4$s"),
    T_FINISHEDBY("%1$s < %3$s AND %2$s = %4$s"),
    T_FINISHES("%1$s > %3$s AND %2$s = %4$s"),
    T_INTERSECTS("%1$s <= %4$s AND %2$s >= %3$s"),
    T_MEETS("%2$s = %3$s"),
    T_METBY("%1$s = %4$s"),
    T_OVERLAPPEDBY("%1$s > %3$s AND %1$s < %4$s AND %2$s > %4$s"),
    T_OVERLAPS("%1$s < %3$s AND %2$s > %3$s AND %2$s < %4$s"),
    T_STARTEDBY("%1$s = %3$s AND %2$s > %4$s"),
    T_STARTS("%1$s = %3$s AND %2$s < %4$s");

    /** a's first and last day, then b's, as format arguments 1 to 4. */
    private final String condition;

    TemporalRelation(String condition) {
        this.condition = condition;
    }

    static TemporalRelation named(String function) {
        return valueOf(function.toUpperCase(Locale.ROOT));
    }

    String sql(String[] a, String[] b) {
        return "(" + condition.formatted(a[0], a[1], b[0], b[1]) + ")";
    }
}
