package org.incidentmap.incident.review;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Finds the stored incident a report is about again. A place resolved to the same gazetteer entry
 * has the same point, so the distance test also covers "same geonameid".
 */
@ApplicationScoped
class SameIncidents {

    /** Nearest live incident of the same type and day within a distance. */
    private static final String NEAREST = """
            SELECT id, version, place_name, killed, killed_at_least, injured, injured_at_least
            FROM incident.incidents
            WHERE event_type = $1 AND occurred_on = $2 AND status <> 'retracted' AND geom IS NOT NULL
              AND ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography, $5)
            ORDER BY geom::geography <-> ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography
            LIMIT 1""";

    private final ReportsConfig config;

    SameIncidents(ReportsConfig config) {
        this.config = config;
    }

    /** The match as {@code client} (the caller's transaction, or the pool) sees it, or null when the record is new (or has no place or day to compare). */
    Uni<StoredMatch> find(SqlClient client, String eventType, LocalDate occurredOn, Double lon, Double lat) {
        if (eventType == null || occurredOn == null || lon == null || lat == null) {
            return Uni.createFrom().nullItem();
        }
        return client.preparedQuery(NEAREST)
                .execute(Tuple.from(new Object[] {eventType, occurredOn, lon, lat, (double) config.sameIncidentMeters()}))
                .map(rows -> rows.size() == 0 ? null : match(rows.iterator().next()));
    }

    private static StoredMatch match(Row row) {
        return new StoredMatch(row.getUUID("id"), row.getInteger("version"), row.getString("place_name"),
                row.getInteger("killed"), row.getBoolean("killed_at_least"), row.getInteger("injured"),
                row.getBoolean("injured_at_least"));
    }
}
