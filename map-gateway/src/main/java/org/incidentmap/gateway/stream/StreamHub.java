package org.incidentmap.gateway.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans ordered events out to every subscriber. Each subscriber owns a bounded queue; when it is
 * full the subscriber fails (and is disconnected) instead of slowing the publisher or the others.
 * The recent events are kept in a ring for clients that resume.
 */
@ApplicationScoped
public class StreamHub {

    private final StreamConfig config;
    private final EventRing ring;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Counter delivered;
    private final Counter dropped;
    private final Timer lag;
    private long lastSeq;

    StreamHub(StreamConfig config, MeterRegistry registry) {
        this.config = config;
        this.ring = new EventRing(config.bufferSize());
        registry.gaugeCollectionSize("gateway.stream.subscribers", List.of(), subscribers);
        this.delivered = Counter.builder("gateway.stream.events.delivered")
                .description("Events handed to subscribers' queues").register(registry);
        this.dropped = Counter.builder("gateway.stream.subscribers.dropped")
                .description("Subscribers disconnected because their queue was full").register(registry);
        this.lag = Timer.builder("gateway.stream.delivery.lag")
                .description("From the event's commit time to its hand-over to subscribers")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Hands an in-order event to the ring and every matching subscriber; never blocks. */
    synchronized void publish(StreamEvent event) {
        ring.add(event);
        lastSeq = event.seq();
        for (Subscriber s : subscribers) {
            if (!s.filter.test(event)) {
                continue;
            }
            if (s.queue.remainingCapacity() == 0) {
                // Removed here, not when its stream ends: a client that stopped reading may never end it.
                subscribers.remove(s);
                dropped.increment();
                // The error below reaches the client only after its queue drains, which a stalled
                // client never lets happen: its connection is closed now instead.
                s.cutOff.run();
                s.processor.onError(new BackPressureFailure("subscriber queue full at seq " + event.seq()));
            } else {
                s.processor.onNext(event);
                delivered.increment();
            }
        }
        if (event.time() != null) {
            lag.record(Duration.between(event.time(), Instant.now()).abs());
        }
    }

    /**
     * Registers a subscriber ({@code cutOff} closes its connection when it falls too far behind) and returns, atomically with the registration, the buffered events
     * after {@code since}, so nothing published meanwhile is missed or doubled.
     */
    synchronized Subscription subscribe(long since, StreamFilter filter, Runnable cutOff) {
        var queue = new ArrayBlockingQueue<StreamEvent>(config.queueSize());
        var processor = UnicastProcessor.<StreamEvent>create(queue, null);
        Subscriber subscriber = new Subscriber(filter, queue, processor, cutOff);
        subscribers.add(subscriber);
        Multi<StreamEvent> live = processor.onTermination().invoke(() -> subscribers.remove(subscriber));
        long oldest = ring.oldestSeq();
        boolean covered = oldest > 0 && since + 1 >= oldest;
        return new Subscription(ring.after(covered ? since : 0), covered, oldest, lastSeq, live,
                () -> subscribers.remove(subscriber));
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private record Subscriber(StreamFilter filter, ArrayBlockingQueue<StreamEvent> queue,
            UnicastProcessor<StreamEvent> processor, Runnable cutOff) {
    }

    /**
     * What a new subscriber starts from: the ring's events after its seq (the whole ring when it no longer reaches back that far),
     * the ring's oldest seq and the hub's last seq at registration, and the live tail.
     */
    record Subscription(List<StreamEvent> buffered, boolean coveredByBuffer, long oldestBuffered,
            long lastSeq, Multi<StreamEvent> live, Runnable unregister) {

        /** Unregisters the subscriber, also when its stream ended before the live tail was reached. */
        void close() {
            unregister.run();
        }
    }
}
