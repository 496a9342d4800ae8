package org.incidentmap.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP server on a free loopback port answering one path with JSON, or 503 while {@code up} is
 * false, as a service that is down behind a proxy would. Stands in for another module's service in a
 * client's tests (geocoding-service for incident-service, incident-service for map-gateway).
 */
public final class JsonStandIn {

    /** Computes the JSON answer to a request. */
    public interface Answer {
        String answer(HttpExchange exchange) throws IOException;
    }

    private JsonStandIn() {
    }

    /** A stand-in that is always up. */
    public static HttpServer start(String path, Answer answer) {
        return start(path, new AtomicBoolean(true), answer);
    }

    public static HttpServer start(String path, AtomicBoolean up, Answer answer) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(path, exchange -> {
            boolean serving = up.get();
            byte[] bytes = (serving ? answer.answer(exchange) : "{\"title\":\"unavailable\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(serving ? 200 : 503, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    public static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
