package org.incidentmap.incident.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.incidentmap.testsupport.JsonStandIn;

/**
 * A tiny HTTP stand-in for geocoding-service's GET /geocode (a separate module), answering from a
 * fixed list of places, so tests can exercise this service's client with the geocoder up and down.
 */
public class GeocoderStandIn implements QuarkusTestResourceLifecycleManager {

    /** While false the stand-in answers 503, as a geocoder that is down behind a proxy would. */
    public static final AtomicBoolean UP = new AtomicBoolean(true);

    private static final Map<String, String> PLACES = Map.of(
            "Bakhmut", place(38.0003, 48.5953, "Donetsk", "Bakhmutskyi"),
            "Vovchansk", place(36.9379, 50.2906, "Kharkiv", "Chuhuivskyi"));

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = JsonStandIn.start("/geocode", UP, exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String q = "";
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("q=")) {
                    q = URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
                }
            }
            return "{\"type\":\"FeatureCollection\",\"features\":[" + PLACES.getOrDefault(q, "") + "]}";
        });
        return Map.of("quarkus.rest-client.geocoding.url", JsonStandIn.url(server));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String place(double lon, double lat, String admin1, String admin2) {
        return """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
                 "properties":{"geonameid":1,"name":"x","matchedName":"x","featureClass":"P","featureCode":"PPL",
                   "admin1":"%s","admin2":"%s","country":"UA","population":1000,"score":0.95,
                   "precision":"settlement","ambiguous":false}}""".formatted(lon, lat, admin1, admin2);
    }
}
