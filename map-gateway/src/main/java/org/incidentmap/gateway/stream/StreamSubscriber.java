package org.incidentmap.gateway.stream;

import io.smallrye.mutiny.subscription.MultiSubscriber;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import org.jboss.logging.Logger;

/**
 * One client's place in the stream. First its history (the events after its last seen seq) is
 * written, then the live events the hub hands over; meanwhile, and whenever the connection cannot
 * take more, live events wait in a bounded queue, and a subscriber whose queue is full is cut off.
 * Each seq reaches the client at most once and in order. Touched only on the connection's event loop.
 */
final class StreamSubscriber implements MultiSubscriber<StreamEvent> {

    private static final Logger LOG = Logger.getLogger(StreamSubscriber.class);

    private final StreamFilter filter;
    private final int queueSize;
    private final StreamConnection connection;
    private final StreamHub hub;
    private final Executor loop;
    private final ArrayDeque<StreamEvent> queue = new ArrayDeque<>();
    private long lastSeen;
    private long liveAfter;
    private boolean live;
    private boolean waitingForDrain;
    private boolean closed;
    private Flow.Subscription history;

    /**
     * @param since the last seq the client has seen (its history starts after it)
     * @param loop runs tasks on the connection's event loop, where the hub hands this subscriber its events
     */
    StreamSubscriber(long since, StreamFilter filter, int queueSize, StreamConnection connection, StreamHub hub,
            Executor loop) {
        this.lastSeen = since;
        this.filter = filter;
        this.queueSize = Math.max(1, queueSize);
        this.connection = connection;
        this.hub = hub;
        this.loop = loop;
    }

    Executor loop() {
        return loop;
    }

    /** Set by the hub at registration: the live events it hands over are those after {@code seq}. */
    void liveAfter(long seq) {
        liveAfter = seq;
    }

    /** A live event, in seq order; the same frame goes to every subscriber. */
    void offer(StreamEvent event) {
        if (closed || event.seq() <= liveAfter || !filter.test(event)) {
            return;
        }
        if (live && queue.isEmpty() && connection.writable()) {
            send(event);
            return;
        }
        if (queue.size() >= queueSize) {
            cutOff();
            return;
        }
        queue.add(event);
        if (live && !waitingForDrain) {
            waitingForDrain = true;
            connection.onWritable(this::flush);
        }
    }

    /** The client went away or its stream ended: nothing more is written, and the hub forgets it. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        if (history != null) {
            history.cancel();
        }
        hub.unsubscribe(this);
    }

    // History: requested one event at a time, the next only once the connection takes it.

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        history = subscription;
        if (closed) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onItem(StreamEvent event) {
        if (closed) {
            return;
        }
        send(event);
        if (connection.writable()) {
            history.request(1);
        } else {
            connection.onWritable(() -> {
                if (!closed) {
                    history.request(1);
                }
            });
        }
    }

    @Override
    public void onFailure(Throwable failure) {
        if (closed) {
            return;
        }
        if (failure instanceof StreamService.ResetRequired reset) {
            connection.write(SseFrames.reset(reset.headSeq));
        } else {
            LOG.warnf("Could not replay the history after seq %d: %s", lastSeen, failure.getMessage());
        }
        close();
        connection.end();
    }

    @Override
    public void onCompletion() {
        live = true;
        flush();
    }

    private void flush() {
        waitingForDrain = false;
        while (!closed && !queue.isEmpty() && connection.writable()) {
            send(queue.poll());
        }
        if (!closed && !queue.isEmpty()) {
            waitingForDrain = true;
            connection.onWritable(this::flush);
        }
    }

    private void send(StreamEvent event) {
        if (event.seq() <= lastSeen) {
            return;
        }
        lastSeen = event.seq();
        if (filter.test(event)) {
            connection.write(event.frame());
            hub.delivered();
        }
    }

    private void cutOff() {
        close();
        hub.cutOff();
        connection.abort();
    }
}
