package org.incidentmap.gateway.tiles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import org.incidentmap.gateway.upstream.IncidentService;

/**
 * Tiles from the cache, or from incident-service when the cache has none that is fresh enough.
 * Requests for the same tile while it is being fetched share the fetch, as long as the fetch is
 * fresh enough for them: it began after everything they require was applied.
 */
@ApplicationScoped
class TileService {

    /**
     * A fetch under way and the seq it is sure to reflect: incident-service commits an event
     * before publishing it, so a fetch begun after seq n was seen reads a snapshot holding n.
     */
    private final class Fetch {

        final long covers;
        final Uni<Tile> tile;

        Fetch(long covers, TileAddress address, MultiMap filters, String key, String id) {
            this.covers = covers;
            this.tile = load(address, filters, key).onTermination().invoke(() -> fetching.remove(id, this))
                    .memoize().indefinitely();
        }
    }

    private final TileCache cache;
    private final IncidentService incidents;
    private final TilesConfig config;
    private final ConcurrentHashMap<String, Fetch> fetching = new ConcurrentHashMap<>();

    TileService(TileCache cache, IncidentService incidents, TilesConfig config) {
        this.cache = cache;
        this.incidents = incidents;
        this.config = config;
    }

    /**
     * The tile at {@code address} of the incidents matching {@code filters} ({@code key} is their
     * canonical form), reflecting at least seq {@code seen} and every event this replica has
     * delivered on its stream.
     */
    Uni<Tile> tile(TileAddress address, MultiMap filters, String key, long seen) {
        Tile cached = cache.get(address, key, seen);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        long needs = Math.max(seen, cache.applied());
        String id = address.z() + "/" + address.x() + "/" + address.y() + "?" + key;
        return fetching.compute(id, (k, current) -> current != null && current.covers >= needs ? current
                : new Fetch(needs, address, filters, key, id)).tile;
    }

    private Uni<Tile> load(TileAddress address, MultiMap filters, String key) {
        String layer = address.z() >= config.pointsFromZoom() ? "incidents" : "clusters";
        return Uni.createFrom().deferred(() -> incidents.tile(layer, address.z(), address.x(), address.y(), filters))
                .map(upstream -> Tile.of(upstream.mvt(), upstream.seq()))
                .invoke(tile -> cache.put(address, key, tile));
    }
}
