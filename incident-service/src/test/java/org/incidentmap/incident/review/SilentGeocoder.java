package org.incidentmap.incident.review;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A geocoder that takes connections and never answers (the kernel completes them; nothing reads),
 * with the client's timeout shortened so the test does not wait the production 5 s per attempt.
 */
public class SilentGeocoder implements QuarkusTestResourceLifecycleManager {

    private ServerSocket socket;

    @Override
    public Map<String, String> start() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.rest-client.geoparse.url", "http://127.0.0.1:" + socket.getLocalPort(),
                "incident.geocoding.geoparse-timeout", "500ms");
    }

    @Override
    public void stop() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
