package org.incidentmap.gateway.mappage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.util.Optional;

/** What the map page draws under the incidents, and the span of its time slider. */
@ConfigMapping(prefix = "gateway.map")
public interface MapConfig {

    /** Tile URL template of a basemap ({z}/{x}/{y}); without it only the bundled outlines are drawn. */
    Optional<String> tileUrl();

    /** Attribution shown for the tile basemap. */
    Optional<String> tileAttribution();

    /** First day of the time slider (the slider ends today); the full-scale invasion by default. */
    @WithDefault("2022-02-24")
    LocalDate timelineStart();
}
