package org.incidentmap.incident.sources;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The health figures of GET /sources as Micrometer gauges, one set per source tagged with its id
 * and name: times as epoch seconds (NaN when none yet), failures in a row, and 1/0 for healthy.
 * Each replica reports the state it last read or wrote.
 */
@ApplicationScoped
class SourceMetrics {

    private final MeterRegistry registry;
    private final Map<UUID, AtomicReference<FeedSource>> sources = new ConcurrentHashMap<>();

    SourceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void seen(FeedSource s) {
        if (s == null) {
            return;
        }
        sources.computeIfAbsent(s.id(), id -> register(s)).set(s);
    }

    private AtomicReference<FeedSource> register(FeedSource s) {
        AtomicReference<FeedSource> ref = new AtomicReference<>(s);
        gauge("incident.source.last.fetch", "seconds", ref, f -> epoch(f.lastFetchAt()));
        gauge("incident.source.last.new.item", "seconds", ref, f -> epoch(f.lastNewItemAt()));
        gauge("incident.source.last.error", "seconds", ref, f -> epoch(f.lastErrorAt()));
        gauge("incident.source.next.poll", "seconds", ref, f -> epoch(f.nextPollAt()));
        gauge("incident.source.failures", null, ref, FeedSource::failures);
        gauge("incident.source.items", null, ref, f -> f.itemsSeen());
        gauge("incident.source.healthy", null, ref, f -> "unhealthy".equals(f.state()) ? 0 : 1);
        return ref;
    }

    private void gauge(String name, String unit, AtomicReference<FeedSource> ref, ToDoubleFunction<FeedSource> value) {
        FeedSource s = ref.get();
        Gauge.builder(name, ref, r -> value.applyAsDouble(r.get()))
                .baseUnit(unit).tag("source", s.id().toString()).tag("name", s.name()).register(registry);
    }

    private static double epoch(Instant t) {
        return t == null ? Double.NaN : t.toEpochMilli() / 1000.0;
    }
}
