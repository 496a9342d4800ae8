package org.incidentmap.incident.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Killed, injured and incident counts per oblast, day or week, aggregated by PostgreSQL. */
@ApplicationScoped
public class IncidentStats {

    /** How incidents are grouped; each constant names its SQL grouping expression. */
    public enum By {
        OBLAST("i.admin1"),
        DAY("to_char(i.occurred_on, 'YYYY-MM-DD')"),
        WEEK("to_char(date_trunc('week', i.occurred_on), 'YYYY-MM-DD')");

        private final String key;

        By(String key) {
            this.key = key;
        }
    }

    private final Pool pool;

    public IncidentStats(Pool pool) {
        this.pool = pool;
    }

    /**
     * The filter's conditions (table alias {@code i}; values appended to {@code params}) plus the
     * rule every list, download, count and map layer follows: retracted incidents are left out
     * unless the filters say something about the status (the status parameter, or a CQL2 filter
     * naming it). Never empty.
     */
    public static String counted(IncidentFilter filter, Tuple params) {
        String where = filter.where(params);
        if (filter.status() != null || filter.cql() != null && filter.cql().names("status")) {
            return where;
        }
        return where.isEmpty() ? "i.status <> 'retracted'" : where + " AND i.status <> 'retracted'";
    }

    /**
     * The totals of the incidents matching {@code filter} (counted as {@link #counted} says) and
     * the event log's head in the same snapshot: {"incidents","killed","killedAtLeast",
     * "killedUnknown","injured","injuredAtLeast","injuredUnknown","seq"}. killed and injured sum
     * the known figures; *AtLeast is true when any summed figure is a lower bound; *Unknown counts
     * the incidents without a figure.
     */
    public Uni<String> totals(IncidentFilter filter) {
        Tuple params = Tuple.tuple();
        String sql = "SELECT CAST(json_build_object('incidents', count(*),"
                + " 'killed', COALESCE(sum(i.killed), 0),"
                + " 'killedAtLeast', COALESCE(bool_or(i.killed_at_least AND i.killed IS NOT NULL), false),"
                + " 'killedUnknown', count(*) - count(i.killed),"
                + " 'injured', COALESCE(sum(i.injured), 0),"
                + " 'injuredAtLeast', COALESCE(bool_or(i.injured_at_least AND i.injured IS NOT NULL), false),"
                + " 'injuredUnknown', count(*) - count(i.injured),"
                + " 'seq', (SELECT last_seq FROM incident.event_counter)) AS text)"
                + " FROM incident.incidents i WHERE " + counted(filter, params);
        return pool.preparedQuery(sql).execute(params).map(rows -> rows.iterator().next().getString(0));
    }

    /**
     * {"by":..,"groups":[{"key","incidents","killed","injured","lon","lat"}]}, lon/lat the centroid of
     * the group's located incidents (null when none is located); retracted incidents count only
     * when the filter asks for that status.
     */
    public Uni<String> aggregate(IncidentFilter filter, By by) {
        Tuple params = Tuple.tuple();
        String where = counted(filter, params);
        params.addString(by.name().toLowerCase(java.util.Locale.ROOT));
        String sql = "SELECT CAST(json_build_object('by', CAST($" + params.size() + " AS text), 'groups', COALESCE(json_agg("
                + "json_build_object('key', g.key, 'incidents', g.incidents, 'killed', g.killed, 'injured', g.injured,"
                + " 'lon', round(CAST(public.ST_X(g.centre) AS numeric), 5), 'lat', round(CAST(public.ST_Y(g.centre) AS numeric), 5))"
                + " ORDER BY g.key), '[]'::json)) AS text) FROM ("
                + "SELECT " + by.key + " AS key, count(*) AS incidents, COALESCE(sum(i.killed), 0) AS killed,"
                + " COALESCE(sum(i.injured), 0) AS injured, public.ST_Centroid(public.ST_Collect(i.geom)) AS centre"
                + " FROM incident.incidents i WHERE " + where
                + " GROUP BY 1) g";
        return pool.preparedQuery(sql).execute(params).map(rows -> rows.iterator().next().getString(0));
    }
}
