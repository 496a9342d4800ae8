package org.incidentmap.gateway.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A client that behaves as a browser's EventSource does: when its stream ends it reconnects to the
 * same URL with the last id it received as {@code Last-Event-ID}. Keeps the events of every connection.
 */
public final class ResumingSseClient implements AutoCloseable {

    private final URI uri;
    private final List<SseRecorder> connections = new ArrayList<>();
    private final Thread reconnector;
    private volatile boolean closed;

    public ResumingSseClient(URI uri) {
        this.uri = uri;
        connect(null);
        reconnector = new Thread(this::reconnectWhenEnded, "resuming-sse-client");
        reconnector.setDaemon(true);
        reconnector.start();
    }

    private synchronized void connect(String lastEventId) {
        connections.add(new SseRecorder(uri, lastEventId));
    }

    private void reconnectWhenEnded() {
        while (!closed) {
            SseRecorder current = current();
            if (current.ended()) {
                List<Long> ids = ids();
                connect(ids.isEmpty() ? null : Long.toString(ids.get(ids.size() - 1)));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized SseRecorder current() {
        return connections.get(connections.size() - 1);
    }

    /** The ids received over all connections, in order of arrival. */
    public synchronized List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        connections.forEach(c -> ids.addAll(c.ids()));
        return ids;
    }

    public synchronized int connectionCount() {
        return connections.size();
    }

    /** Whether the current connection has received its first comment, i.e. is open on a replica. */
    public boolean connected() {
        return !current().comments().isEmpty();
    }

    @Override
    public void close() {
        closed = true;
        reconnector.interrupt();
        synchronized (this) {
            connections.forEach(SseRecorder::close);
        }
    }
}
