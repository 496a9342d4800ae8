package org.incidentmap.incident.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.incidentmap.testsupport.JsonStandIn;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A tiny HTTP stand-in for geocoding-service's POST /geoparse (a separate module): it finds the names
 * of a fixed list of places in the text, so tests exercise this service's client and the review flow.
 */
public class GeoparseStandIn implements QuarkusTestResourceLifecycleManager {

    /** While false the stand-in answers 503, as a geocoder that is down behind a proxy would. */
    public static final AtomicBoolean UP = new AtomicBoolean(true);

    /** name -> lon, lat, admin1 */
    private static final Map<String, Object[]> PLACES = Map.of(
            "Kharkiv", new Object[] {36.2304, 49.9935, "Kharkiv"},
            "Zaporizhzhia", new Object[] {35.1396, 47.8388, "Zaporizhzhia"});

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = JsonStandIn.start("/geoparse", UP, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                return answer(JSON.readTree(in).path("text").asText());
            }
        });
        return Map.of("quarkus.rest-client.geoparse.url", JsonStandIn.url(server));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String answer(String text) {
        List<String> mentions = new ArrayList<>();
        PLACES.forEach((name, p) -> {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                mentions.add("""
                        {"text":"%s","start":%d,"end":%d,"incidentLocation":true,"reason":"strike location",
                         "place":{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
                          "properties":{"geonameid":1,"name":"%s","matchedName":"%s","featureClass":"P",
                           "featureCode":"PPLA","admin1":"%s","admin2":null,"country":"UA","population":1000000,
                           "score":0.97,"precision":"settlement","ambiguous":false}}}"""
                        .formatted(name, at, at + name.length(), p[0], p[1], name, name, p[2]));
            }
        });
        return "{\"mentions\":[" + String.join(",", mentions) + "]}";
    }
}
