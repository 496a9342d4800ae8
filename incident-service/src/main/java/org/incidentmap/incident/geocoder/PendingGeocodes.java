package org.incidentmap.incident.geocoder;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.incidentmap.incident.domain.IncidentCommands;
import org.jboss.logging.Logger;

/**
 * Resolves the incidents stored while the geocoder was down. Each resolution is an ordinary
 * change: a revision by "geocoder" and an incident.updated event. A round stops at the first
 * failure, as the geocoder is then still unavailable.
 */
@ApplicationScoped
public class PendingGeocodes {

    private static final Logger LOG = Logger.getLogger(PendingGeocodes.class);
    static final String AUTHOR = "geocoder";

    private static final String PENDING = """
            SELECT id, place_name, admin1, country FROM incident.incidents
            WHERE geocode_pending ORDER BY created_at LIMIT $1""";

    private final Pool pool;
    private final Geocoder geocoder;
    private final IncidentCommands commands;
    private final GeocodingConfig config;

    public PendingGeocodes(Pool pool, Geocoder geocoder, IncidentCommands commands, GeocodingConfig config) {
        this.pool = pool;
        this.geocoder = geocoder;
        this.commands = commands;
        this.config = config;
    }

    @Scheduled(every = "${incident.geocoding.retry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> round() {
        return pool.preparedQuery(PENDING).execute(Tuple.of(config.batchSize()))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(this::resolve)
                .collect().last()
                .onFailure().invoke(e -> LOG.debugf("geocoding retry round ended early: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> resolve(Row row) {
        UUID id = row.getUUID("id");
        return geocoder.locate(row.getString("place_name"), row.getString("admin1"), row.getString("country"))
                .chain(found -> found
                        .map(place -> commands.resolvePlace(id, place.point(), place.geoPrecision(),
                                place.admin1(), place.admin2(), AUTHOR).replaceWithVoid())
                        .orElseGet(() -> commands.stopGeocoding(id)));
    }
}
