package org.incidentmap.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.incidentmap.testsupport.JsonStandIn;

/**
 * Stands in for incident-service's event log ({@code GET /events?after=&limit=}, shaped as the
 * shared contract) where the stream tests need one; the events themselves travel through the
 * real Kafka broker.
 */
public class IncidentServiceStub implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = JsonStandIn.start("/events", IncidentServiceStub::events);
        return Map.of("gateway.incident-service.url", JsonStandIn.url(server));
    }

    private static String events(HttpExchange exchange) {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "1000"));
        return "{\"events\":[" + String.join(",", EventLog.after(after, limit)) + "],\"headSeq\":"
                + EventLog.head() + "}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
