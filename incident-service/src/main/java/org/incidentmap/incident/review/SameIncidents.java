package org.incidentmap.incident.review;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
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
            SELECT CAST(id AS text), version, place_name, killed, killed_at_least, injured, injured_at_least
            FROM incident.incidents
            WHERE event_type = ?1 AND occurred_on = ?2 AND status <> 'retracted' AND geom IS NOT NULL
              AND ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(?3, ?4), 4326)::geography, ?5)
            ORDER BY geom::geography <-> ST_SetSRID(ST_MakePoint(?3, ?4), 4326)::geography
            LIMIT 1""";

    private final ReportsConfig config;

    SameIncidents(ReportsConfig config) {
        this.config = config;
    }

    /** The match in the current session, or null when the record is new (or has no place or day to compare). */
    Uni<StoredMatch> find(String eventType, LocalDate occurredOn, Double lon, Double lat) {
        if (eventType == null || occurredOn == null || lon == null || lat == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(NEAREST, Object[].class)
                .setParameter(1, eventType)
                .setParameter(2, occurredOn)
                .setParameter(3, lon)
                .setParameter(4, lat)
                .setParameter(5, config.sameIncidentMeters())
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : match(rows.get(0))));
    }

    private static StoredMatch match(Object[] row) {
        return new StoredMatch(UUID.fromString((String) row[0]), ((Number) row[1]).intValue(), (String) row[2],
                row[3] == null ? null : ((Number) row[3]).intValue(), (Boolean) row[4],
                row[5] == null ? null : ((Number) row[5]).intValue(), (Boolean) row[6]);
    }
}
