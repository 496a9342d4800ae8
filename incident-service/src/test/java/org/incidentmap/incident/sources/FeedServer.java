package org.incidentmap.incident.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A feed server on loopback (port chosen by the system) that the tests script path by path:
 * what each request gets, and a record of every request with its conditional-GET headers.
 */
final class FeedServer implements AutoCloseable {

    /** A request as the server saw it. */
    record Hit(String path, String ifNoneMatch, String ifModifiedSince, Instant at) {
    }

    /** What a request gets; {@code delay} before anything is sent (a hang, when longer than the fetch timeout). */
    record Answer(int status, String contentType, String body, String etag, String lastModified, Duration delay) {
        static Answer feed(String contentType, String body, String etag, String lastModified) {
            return new Answer(200, contentType, body, etag, lastModified, Duration.ZERO);
        }

        static Answer status(int status) {
            return new Answer(status, "text/plain", "failure " + status, null, null, Duration.ZERO);
        }

        static Answer hang(Duration delay) {
            return new Answer(200, "application/atom+xml", "", null, null, delay);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Hit, Answer>> routes = new ConcurrentHashMap<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code path} as {@code route} decides, from now on. */
    FeedServer route(String path, Function<Hit, Answer> route) {
        routes.put(path, route);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Hit hit = new Hit(path, exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since"), Instant.now());
        hits.add(hit);
        Function<Hit, Answer> route = routes.get(path);
        Answer a = route == null ? Answer.status(404) : route.apply(hit);
        try {
            if (!a.delay().isZero()) {
                Thread.sleep(a.delay().toMillis());
            }
            if (a.etag() != null) {
                exchange.getResponseHeaders().add("ETag", a.etag());
            }
            if (a.lastModified() != null) {
                exchange.getResponseHeaders().add("Last-Modified", a.lastModified());
            }
            if (a.status() == 304) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
