package org.incidentmap.incident.store;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.incidentmap.incident.filter.Expression;

/**
 * The list's filters as a WHERE clause with bind parameters; every value is bound, never spliced.
 * {@code bbox} is minLon, minLat, maxLon, maxLat in EPSG:4326, the geometry column's own SRID, so
 * the GiST index serves it. A box whose minLon is east of its maxLon crosses the antimeridian
 * (OGC API – Features 1, 7.15.3) and becomes two boxes, one each side of it. {@code cql}, a
 * parsed CQL2 filter or null, is one more condition beside the others. A bbox in EPSG:3857
 * ({@code bboxCrs}) is transformed to EPSG:4326 by PostGIS; one in EPSG:4326's own axis order has
 * already been put longitude first.
 */
public record IncidentFilter(double[] bbox, Crs bboxCrs, LocalDate from, LocalDate to, String eventType, String status,
        String admin1, Integer minKilled, Expression cql) {

    /** The conditions joined by AND (empty when nothing is filtered); their values are appended to {@code params}. */
    String where(Tuple params) {
        List<String> conditions = new ArrayList<>();
        if (bbox != null && bboxCrs == Crs.EPSG_3857) {
            int n = params.size();
            params.addDouble(bbox[0]).addDouble(bbox[1]).addDouble(bbox[2]).addDouble(bbox[3]);
            conditions.add("i.geom && ST_Transform(ST_MakeEnvelope($" + (n + 1) + ", $" + (n + 2) + ", $" + (n + 3) + ", $"
                    + (n + 4) + ", 3857), 4326)");
        } else if (bbox != null && bbox[0] > bbox[2]) {
            conditions.add("(" + envelope(params, bbox[0], bbox[1], 180, bbox[3])
                    + " OR " + envelope(params, -180, bbox[1], bbox[2], bbox[3]) + ")");
        } else if (bbox != null) {
            conditions.add(envelope(params, bbox[0], bbox[1], bbox[2], bbox[3]));
        }
        add(conditions, params, "i.occurred_on >= $", from);
        add(conditions, params, "i.occurred_on <= $", to);
        add(conditions, params, "i.event_type = $", eventType);
        add(conditions, params, "i.status = $", status);
        add(conditions, params, "i.admin1 = $", admin1);
        add(conditions, params, "i.killed >= $", minKilled);
        if (cql != null) {
            conditions.add(cql.sql(params));
        }
        return String.join(" AND ", conditions);
    }

    private static String envelope(Tuple params, double minLon, double minLat, double maxLon, double maxLat) {
        int n = params.size();
        params.addDouble(minLon).addDouble(minLat).addDouble(maxLon).addDouble(maxLat);
        return "i.geom && ST_MakeEnvelope($" + (n + 1) + ", $" + (n + 2) + ", $" + (n + 3) + ", $" + (n + 4) + ", 4326)";
    }

    private static void add(List<String> conditions, Tuple params, String condition, Object value) {
        if (value != null) {
            params.addValue(value);
            conditions.add(condition + params.size());
        }
    }
}
