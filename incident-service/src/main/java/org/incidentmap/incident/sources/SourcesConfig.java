package org.incidentmap.incident.sources;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Live sources: how feeds are polled, fetched and guarded. */
@ConfigMapping(prefix = "incident.sources")
public interface SourcesConfig {

    /** Whether this replica polls sources at all (every replica may: a due source is claimed by one). */
    @WithDefault("true")
    boolean pollingEnabled();

    /** How often the poller looks for due sources. */
    @WithDefault("1s")
    Duration tick();

    /** Most sources this replica fetches at once. */
    @WithDefault("8")
    int concurrentFetches();

    /** Poll interval of a source registered without one. */
    @WithDefault("PT5M")
    Duration defaultPollInterval();

    /** Shortest poll interval a source may ask for. */
    @WithDefault("PT1M")
    Duration minPollInterval();

    /** Longest wait after repeated failures; the wait doubles with each failure up to this. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /**
     * How long a claimed source stays hidden from the other replicas' pollers; a poll that has not
     * finished by then (its replica died) is taken up again.
     */
    @WithDefault("10m")
    Duration pollLease();

    /** A fetch that has not delivered its whole body by then fails (connection, headers and body together). */
    @WithDefault("20s")
    Duration fetchTimeout();

    /** Largest feed body read; a longer one fails the fetch. */
    @WithDefault("5242880")
    int maxFeedBytes();

    /** Most new items one fetch turns into reports; the rest wait for the next poll. */
    @WithDefault("200")
    int maxItemsPerFetch();

    /** Whether source URLs may name loopback addresses (127.0.0.0/8, ::1): for the local stack and tests. */
    @WithDefault("false")
    boolean allowLoopback();

    /** Whether source URLs may name private, link-local or other non-public addresses. */
    @WithDefault("false")
    boolean allowPrivateAddresses();
}
