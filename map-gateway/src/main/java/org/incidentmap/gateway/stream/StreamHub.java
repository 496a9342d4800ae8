package org.incidentmap.gateway.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Fans ordered events out to every subscriber: each event is posted once per event loop, whose
 * thread writes the event's one frame to each of its subscribers. The recent events are kept in a
 * ring for clients that resume.
 */
@ApplicationScoped
public class StreamHub {

    private final EventRing ring;
    private final Map<Executor, LoopFanout> loops = new ConcurrentHashMap<>();
    private final Counter delivered;
    private final Counter dropped;
    private final Timer lag;
    private long lastSeq;

    StreamHub(StreamConfig config, MeterRegistry registry) {
        this.ring = new EventRing(config.bufferSize());
        registry.gauge("gateway.stream.subscribers", this, StreamHub::subscriberCount);
        this.delivered = Counter.builder("gateway.stream.events.delivered")
                .description("Event frames written to subscribers").register(registry);
        this.dropped = Counter.builder("gateway.stream.subscribers.dropped")
                .description("Subscribers disconnected because their queue was full").register(registry);
        this.lag = Timer.builder("gateway.stream.delivery.lag")
                .description("From the event's commit time to its hand-over to the event loops")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Hands an in-order event to the ring and to every event loop that has subscribers; never blocks. */
    synchronized void publish(StreamEvent event) {
        ring.add(event);
        lastSeq = event.seq();
        for (LoopFanout fanout : loops.values()) {
            fanout.post(event);
        }
        if (event.time() != null) {
            lag.record(Duration.between(event.time(), Instant.now()).abs());
        }
    }

    /**
     * Registers a subscriber with the other subscribers of its event loop and returns, atomically with the registration, what its history starts from: the ring's
     * events after {@code since}, so that nothing published meanwhile is missed or doubled.
     */
    synchronized Subscription subscribe(long since, StreamSubscriber subscriber) {
        subscriber.liveAfter(lastSeq);
        loops.computeIfAbsent(subscriber.loop(), LoopFanout::new).add(subscriber);
        long oldest = ring.oldestSeq();
        boolean covered = oldest > 0 && since + 1 >= oldest;
        return new Subscription(ring.after(covered ? since : 0), covered, oldest, lastSeq);
    }

    void unsubscribe(StreamSubscriber subscriber) {
        LoopFanout fanout = loops.get(subscriber.loop());
        if (fanout != null) {
            fanout.remove(subscriber);
        }
    }

    void delivered() {
        delivered.increment();
    }

    /** Counts a subscriber disconnected for falling too far behind. */
    void cutOff() {
        dropped.increment();
    }

    int subscriberCount() {
        return loops.values().stream().mapToInt(LoopFanout::size).sum();
    }

    /**
     * Where a new subscriber's history starts: the ring's events after its seq (the whole ring when
     * it no longer reaches back that far), the ring's oldest seq and the hub's last seq at registration.
     */
    record Subscription(List<StreamEvent> buffered, boolean coveredByBuffer, long oldestBuffered, long lastSeq) {
    }
}
