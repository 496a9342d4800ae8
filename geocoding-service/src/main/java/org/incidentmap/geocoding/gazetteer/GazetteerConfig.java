package org.incidentmap.geocoding.gazetteer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Gazetteer data settings. */
@ConfigMapping(prefix = "geocoding.gazetteer")
public interface GazetteerConfig {

    /** Load the bundled extract at startup when the gazetteer is empty. */
    @WithDefault("true")
    boolean loadDefaultWhenEmpty();
}
