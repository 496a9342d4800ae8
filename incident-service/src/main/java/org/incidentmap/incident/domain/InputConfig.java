package org.incidentmap.incident.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what clients may send. */
@ConfigMapping(prefix = "incident.input")
public interface InputConfig {

    /** Largest JSON command body accepted, in bytes; larger ones get 413. */
    @WithDefault("262144")
    int maxJsonBodyBytes();
}
