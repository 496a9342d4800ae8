package org.incidentmap.gateway.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiles by address, each address holding one tile per filter combination, bounded in bytes.
 *
 * <p>Never staler than the stream: every event is dropped from the cache ({@link #invalidate})
 * before it is handed to stream subscribers, at the old and new place of its incident at every
 * zoom. Two seqs make that hold against tiles fetched while events arrive:
 * <ul>
 * <li>{@code invalidating}, raised before an event's tiles are dropped: a fetched tile is cached
 * only if it reflects at least that seq. A fetch that started before the event and returns after
 * its tiles were dropped would otherwise put the old picture back for good.</li>
 * <li>{@code applied}, raised once they are dropped: a cached tile reflects every event up to
 * it (any later event touching it would have dropped it), so a tile served from the cache is
 * reported as of {@code max(its own seq, applied)}, and a request that has seen a later seq (from
 * another replica) is not answered from the cache.</li>
 * </ul>
 * Events arrive in seq order from one thread (the stream's event pipeline).
 */
@ApplicationScoped
class TileCache {

    /** The tiles of one address, by filter key; replaced whole so that the weigher sees each change. */
    private record Variants(Map<String, Tile> tiles) {

        Variants with(String filters, Tile tile) {
            Map<String, Tile> copy = new HashMap<>(tiles);
            copy.put(filters, tile);
            return new Variants(Map.copyOf(copy));
        }

        int weight() {
            int bytes = 64;
            for (Map.Entry<String, Tile> e : tiles.entrySet()) {
                bytes += e.getValue().weight() + 2 * e.getKey().length() + 64;
            }
            return bytes;
        }
    }

    private final boolean enabled;
    private final Cache<TileAddress, Variants> tiles;
    private volatile long invalidating;
    private volatile long applied;

    TileCache(TilesConfig config, MeterRegistry registry) {
        this.enabled = config.cache().enabled();
        this.tiles = Caffeine.newBuilder()
                .maximumWeight(config.cache().maxBytes())
                .<TileAddress, Variants>weigher((address, variants) -> variants.weight())
                .expireAfterWrite(config.cache().expireAfter())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, tiles, "gateway.tiles");
    }

    /** The cached tile, or null when there is none or the caller has seen a seq this replica has not yet applied. */
    Tile get(TileAddress address, String filters, long seen) {
        long upTo = applied;
        if (!enabled || seen > upTo) {
            return null;
        }
        Variants variants = tiles.getIfPresent(address);
        Tile tile = variants == null ? null : variants.tiles().get(filters);
        return tile == null ? null : tile.asOf(upTo);
    }

    /** Keeps a fetched tile unless an event it does not reflect has been invalidated meanwhile. */
    void put(TileAddress address, String filters, Tile tile) {
        if (!enabled) {
            return;
        }
        tiles.asMap().compute(address, (key, old) -> {
            if (tile.seq() < invalidating) {
                return old;
            }
            return old == null ? new Variants(Map.of(filters, tile)) : old.with(filters, tile);
        });
    }

    /** Drops every tile at {@code addresses}, which hold what event {@code seq} changed. */
    void invalidate(long seq, List<TileAddress> addresses) {
        invalidating = Math.max(invalidating, seq);
        tiles.invalidateAll(addresses);
        applied = Math.max(applied, seq);
    }

    /** The seq up to which every event's tiles have been dropped. */
    long applied() {
        return applied;
    }
}
