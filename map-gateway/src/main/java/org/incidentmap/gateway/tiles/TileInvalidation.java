package org.incidentmap.gateway.tiles;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an incident event into the tiles it changes: those showing the incident where it is now
 * ("geometry") and where it was ("previousGeometry", present when the event moved it), at every
 * zoom of the tileset. The stream's event pipeline calls {@link #onEvent} for each event, in seq
 * order, before delivering it to subscribers.
 */
@ApplicationScoped
public class TileInvalidation {

    private final TileCache cache;
    private final int maxZoom;

    TileInvalidation(TileCache cache, TilesConfig config) {
        this.cache = cache;
        this.maxZoom = config.maxZoom();
    }

    /**
     * Drops the cached tiles event {@code seq} changes.
     *
     * @param places lon/lat pairs of every position the event's incident is or was shown at
     */
    public void onEvent(long seq, List<double[]> places) {
        cache.invalidate(seq, tiles(places));
    }

    /** The tiles showing the given places, at every zoom. */
    List<TileAddress> tiles(List<double[]> places) {
        Set<TileAddress> addresses = new LinkedHashSet<>();
        for (double[] place : places) {
            for (int z = 0; z <= maxZoom; z++) {
                addresses.addAll(TileAddress.around(place[0], place[1], z));
            }
        }
        return List.copyOf(addresses);
    }
}
