package org.incidentmap.incident.filter;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;

/**
 * A temporal operand as its first and last day: the incident date (an instant of a day's
 * granularity), a DATE or TIMESTAMP (taken as its UTC day), or an INTERVAL whose open ends are
 * PostgreSQL's infinite dates.
 */
public sealed interface Period {

    /** SQL of the first and the last day, in that order; literals are bound once and referenced twice when an instant. */
    String[] sql(Tuple params);

    record Property(Queryables.Queryable queryable) implements Period {

        @Override
        public String[] sql(Tuple params) {
            return new String[] {queryable.column(), queryable.column()};
        }
    }

    /** From {@code start} to {@code end}, both included; null is an open end. An instant has start equal to end. */
    record Days(LocalDate start, LocalDate end) implements Period {

        @Override
        public String[] sql(Tuple params) {
            if (start != null && start.equals(end)) {
                String day = bind(params, start);
                return new String[] {day, day};
            }
            return new String[] {
                start == null ? "CAST('-infinity' AS date)" : bind(params, start),
                end == null ? "CAST('infinity' AS date)" : bind(params, end)};
        }

        private static String bind(Tuple params, LocalDate day) {
            params.addLocalDate(day);
            return "CAST($" + params.size() + " AS date)";
        }
    }
}
