package org.incidentmap.gateway.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Live stream tuning: how much history each replica keeps and how patient it is with clients. */
@ConfigMapping(prefix = "gateway.stream")
public interface StreamConfig {

    /** Recent events kept in memory for clients that resume; older ones come from incident-service. */
    @WithDefault("10000")
    int bufferSize();

    /** Events queued for one subscriber before it counts as too slow and is disconnected. */
    @WithDefault("1000")
    int queueSize();

    /** Interval of the comment line that keeps proxies from closing an idle stream. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Reconnection delay suggested to clients in the {@code retry:} field. */
    @WithDefault("2s")
    Duration retry();

    /** How long an event that arrived ahead of a missing seq waits before the gap is filled from the event log. */
    @WithDefault("300ms")
    Duration reorderWait();
}
