package org.incidentmap.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentmap.testsupport.JarProcess;

/**
 * The three services, packaged, against the test PostgreSQL/PostGIS and Kafka: geocoding-service,
 * incident-service calling it, map-gateway calling incident-service. Started once for all fuzz
 * classes of a run and stopped when the test JVM exits.
 */
final class Stack {

    static final String PG_PORT = System.getenv().getOrDefault("IM_TEST_PG_PORT", "25432");
    static final String KAFKA = "127.0.0.1:" + System.getenv().getOrDefault("IM_TEST_KAFKA_PORT", "29092");

    private static Stack started;

    final int geocoding;
    final int incidents;
    final int gateway;

    private Stack(int geocoding, int incidents, int gateway) {
        this.geocoding = geocoding;
        this.incidents = incidents;
        this.gateway = gateway;
    }

    static synchronized Stack get() {
        if (started == null) {
            List<JarProcess> processes = new ArrayList<>();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(JarProcess::close)));
            JarProcess geocoding = start("geocoding-service", Map.of("im.db.port", PG_PORT));
            processes.add(geocoding);
            String geocoder = "http://127.0.0.1:" + geocoding.port();
            JarProcess incidents = start("incident-service", Map.of(
                    "im.db.port", PG_PORT,
                    "kafka.bootstrap.servers", KAFKA,
                    "incident.geocoding.url", geocoder,
                    // the fuzzer is one client sending thousands of writes; the limits have tests of their own
                    "incident.access.writes-per-minute", "100000000",
                    "incident.access.reports-per-minute", "100000000",
                    // no background revisions by the geocoder retry job between a request and its row count
                    "incident.geocoding.retry-interval", "1h"));
            processes.add(incidents);
            JarProcess gateway = start("map-gateway", Map.of(
                    "kafka.bootstrap.servers", KAFKA,
                    "gateway.incident-service.url", "http://127.0.0.1:" + incidents.port(),
                    "gateway.geocoding-service.url", geocoder,
                    // a slow answer of a loaded machine is not what the fuzzer looks for
                    "gateway.incident-service.timeout", "60s"));
            processes.add(gateway);
            started = new Stack(geocoding.port(), incidents.port(), gateway.port());
        }
        return started;
    }

    private static JarProcess start(String module, Map<String, String> properties) {
        return JarProcess.start(Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar"), JarProcess.freePort(),
                "384m", properties, Path.of("target", module + ".log"));
    }
}
