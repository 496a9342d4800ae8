package org.incidentmap.gateway.mappage;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What the map page draws under the incidents. */
@ConfigMapping(prefix = "gateway.map")
public interface MapConfig {

    /** Tile URL template of a basemap ({z}/{x}/{y}); without it only the bundled outlines are drawn. */
    Optional<String> tileUrl();

    /** Attribution shown for the tile basemap. */
    Optional<String> tileAttribution();
}
