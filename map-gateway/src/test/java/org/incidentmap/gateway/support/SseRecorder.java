package org.incidentmap.gateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** An EventSource-like client that records every event of one /stream connection. */
public final class SseRecorder implements AutoCloseable {

    private final List<Received> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile boolean ended;
    private String id;
    private String name;
    private StringBuilder data = new StringBuilder();

    public SseRecorder(URI uri, String lastEventId) {
        var request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            try (Stream<String> lines = r.body()) {
                lines.forEach(this::line);
            } catch (RuntimeException e) {
                // the connection was closed by either side
            } finally {
                ended = true;
            }
        });
    }

    private synchronized void line(String line) {
        if (line.isEmpty()) {
            if (data.length() > 0 || name != null) {
                events.add(new Received(id == null ? null : Long.valueOf(id), name, data.toString()));
            }
            id = null;
            name = null;
            data = new StringBuilder();
        } else if (line.startsWith(":")) {
            comments.add(line.substring(1).trim());
        } else if (line.startsWith("id:")) {
            id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
            name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
            data.append(line.substring(5).trim());
        }
    }

    public synchronized List<Received> events() {
        return List.copyOf(events);
    }

    public synchronized List<Long> ids() {
        return events.stream().map(Received::id).filter(java.util.Objects::nonNull).toList();
    }

    public synchronized List<String> comments() {
        return List.copyOf(comments);
    }

    public int status() {
        return response.join().statusCode();
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }

    public record Received(Long id, String event, String data) {
    }
}
