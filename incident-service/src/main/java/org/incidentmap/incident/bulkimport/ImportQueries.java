package org.incidentmap.incident.bulkimport;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** An import's progress as JSON. */
@ApplicationScoped
public class ImportQueries {

    private static final String STATUS = """
            SELECT CAST(json_build_object('id', id, 'format', format, 'state', state, 'rowsRead', rows_read,
                'rowsImported', rows_imported, 'rowsFailed', rows_failed, 'errors', errors, 'detail', detail, 'author', author,
                'createdAt', incident.iso_instant(created_at), 'finishedAt', incident.iso_instant(finished_at)) AS text)
            FROM incident.imports WHERE id = $1""";

    private final Pool pool;

    public ImportQueries(Pool pool) {
        this.pool = pool;
    }

    /** Null item when there is no such import. */
    public Uni<String> status(UUID id) {
        return pool.preparedQuery(STATUS).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }
}
