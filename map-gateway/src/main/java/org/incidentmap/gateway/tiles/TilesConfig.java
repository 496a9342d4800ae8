package org.incidentmap.gateway.tiles;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The incidents tileset and the gateway's tile cache. */
@ConfigMapping(prefix = "gateway.tiles")
public interface TilesConfig {

    /** First zoom whose tiles hold one point per incident; below it tiles hold grid clusters (see docs/tiles.md). */
    @WithDefault("12")
    int pointsFromZoom();

    /** Deepest zoom served; map clients draw deeper zooms from these tiles (overzoom). */
    @WithDefault("16")
    int maxZoom();

    Cache cache();

    interface Cache {

        /** Whether tiles are kept between requests; off, every request is answered from incident-service. */
        @WithDefault("true")
        boolean enabled();

        /** Upper bound of the tile bytes kept; the least used tiles go first. */
        @WithDefault("67108864")
        long maxBytes();

        /**
         * A cached tile is fetched again after this long even when no event touched it: a safety
         * net for an event this replica never received (one skipped as unreadable, say).
         */
        @WithDefault("10m")
        Duration expireAfter();
    }
}
