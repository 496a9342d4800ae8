package org.incidentmap.incident.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The relay that publishes the event log to Kafka. */
@ConfigMapping(prefix = "incident.relay")
public interface RelayConfig {

    /** Whether this replica competes for the publishing lease at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the relay renews its lease and looks for new events even when no commit woke it
     * (the scheduler runs at most once a second; commits wake it at once).
     */
    @WithDefault("1s")
    Duration interval();

    /** How long a lease lasts without renewal; after it a standing-by replica takes over. */
    @WithDefault("10s")
    Duration lease();

    /** Most events sent before the stored offset advances. */
    @WithDefault("256")
    int batchSize();
}
