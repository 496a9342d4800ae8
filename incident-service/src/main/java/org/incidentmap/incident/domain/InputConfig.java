package org.incidentmap.incident.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what clients may send. */
@ConfigMapping(prefix = "incident.input")
public interface InputConfig {

    /** Largest JSON command body accepted, in bytes; larger ones get 413 before or as soon as they pass it. */
    @WithDefault("262144")
    int maxJsonBodyBytes();

    /** After a 413, how many more bytes of the refused body are read and dropped before the connection is closed. */
    @WithDefault("2097152")
    long maxDiscardedBytes();
}
