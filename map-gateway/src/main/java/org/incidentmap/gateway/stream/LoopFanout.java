package org.incidentmap.gateway.stream;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The subscribers whose connections live on one event loop. The hub posts each event here once;
 * the loop itself then hands it to each of its subscribers, so the publisher's work does not grow
 * with the number of subscribers and every write happens on the connection's own thread.
 */
final class LoopFanout {

    private final Executor loop;
    private final Queue<StreamEvent> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<StreamSubscriber> subscribers = new CopyOnWriteArrayList<>();

    LoopFanout(Executor loop) {
        this.loop = loop;
    }

    void add(StreamSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    void remove(StreamSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    int size() {
        return subscribers.size();
    }

    /** Queues an event for the loop; one task drains whatever has arrived by the time it runs. */
    void post(StreamEvent event) {
        inbox.add(event);
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        StreamEvent event;
        while ((event = inbox.poll()) != null) {
            for (StreamSubscriber subscriber : subscribers) {
                subscriber.offer(event);
            }
        }
    }
}
