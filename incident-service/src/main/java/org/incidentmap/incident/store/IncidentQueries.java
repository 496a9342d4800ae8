package org.incidentmap.incident.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.UUID;

/** Reads of single incidents; the Feature JSON comes from PostGIS as text and is passed through. */
@ApplicationScoped
public class IncidentQueries {

    private static final String FEATURE = """
            SELECT %s AS feature, i.version
            FROM incident.incident_features i WHERE i.id = $1""";

    private static final String HISTORY = """
            SELECT CAST(json_build_object(
                'id', $1::uuid,
                'revisions', COALESCE(json_agg(json_build_object(
                    'version', r.version, 'author', r.author, 'at', incident.iso_instant(r.at),
                    'reason', r.reason, 'changes', CAST(r.changes AS json)) ORDER BY r.version), '[]'::json)) AS text)
            FROM incident.revisions r WHERE r.incident_id = $1
            HAVING EXISTS (SELECT 1 FROM incident.incidents WHERE id = $1)""";

    private final Pool pool;

    public IncidentQueries(Pool pool) {
        this.pool = pool;
    }

    /** The incident's Feature and version; a null item when there is no such incident. */
    public record VersionedFeature(String feature, int version) {
    }

    /** The incident's Feature with its geometry in {@code crs}, or null. */
    public Uni<VersionedFeature> feature(UUID id, Crs crs) {
        return pool.preparedQuery(FEATURE.formatted(crs.featureSql())).execute(Tuple.of(id))
                .map(rows -> first(rows) == null ? null
                        : new VersionedFeature(first(rows).getString("feature"), first(rows).getInteger("version")));
    }

    /** The incident's revisions, oldest first, as JSON; a null item when there is no such incident. */
    public Uni<String> history(UUID id) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(id))
                .map(rows -> first(rows) == null ? null : first(rows).getString(0));
    }

    private static Row first(RowSet<Row> rows) {
        Iterator<Row> it = rows.iterator();
        return it.hasNext() ? it.next() : null;
    }
}
