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
     * {"by":..,"groups":[{"key","incidents","killed","injured","lon","lat"}]}, lon/lat the centroid of
     * the group's located incidents (null when none is located); retracted incidents count only
     * when the filter asks for that status.
     */
    public Uni<String> aggregate(IncidentFilter filter, By by) {
        Tuple params = Tuple.tuple();
        String where = filter.where(params);
        if (filter.status() == null) {
            where = where.isEmpty() ? "i.status <> 'retracted'" : where + " AND i.status <> 'retracted'";
        }
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
