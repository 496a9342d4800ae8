package org.incidentmap.incident.tiles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.incidentmap.incident.store.IncidentFilter;
import org.incidentmap.incident.store.IncidentStats;

/** Mapbox Vector Tiles of incidents, made by PostGIS (ST_AsMVT) in one statement per tile. */
@ApplicationScoped
public class IncidentTiles {

    private final Pool pool;

    public IncidentTiles(Pool pool) {
        this.pool = pool;
    }

    /** A tile's bytes (empty when nothing matches) and the event log's head as of the rows in it. */
    public record Tile(byte[] mvt, long seq) {
    }

    /**
     * The tile at zoom {@code z}, column {@code x}, row {@code y} (Web Mercator, rows from the
     * north) of the incidents matching {@code filter}, counted as the statistics count them
     * (retracted incidents only when the filter asks for that status).
     */
    public Uni<Tile> tile(TileLayer layer, int z, int x, int y, IncidentFilter filter) {
        Tuple params = Tuple.of(z, x, y);
        String sql = layer.sql(IncidentStats.counted(filter, params));
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            var mvt = row.getBuffer("tile");
            return new Tile(mvt == null ? new byte[0] : mvt.getBytes(), row.getLong("seq"));
        });
    }
}
