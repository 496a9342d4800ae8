package org.incidentmap.incident.review;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.incidentmap.testsupport.JsonStandIn;

/** Points the /geoparse client at a port where a geocoder stand-in ran and was stopped: connections are refused. */
public class StoppedGeocoder implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        HttpServer server = JsonStandIn.start("/geoparse", new AtomicBoolean(true), exchange -> "{\"mentions\":[]}");
        String url = JsonStandIn.url(server);
        server.stop(0);
        return Map.of("quarkus.rest-client.geoparse.url", url);
    }

    @Override
    public void stop() {
    }
}
