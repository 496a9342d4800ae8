package org.incidentmap.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.incidentmap.testsupport.JarProcess;

/**
 * Runs the real incident-service, as packaged earlier in the same build, against the test
 * PostgreSQL and Kafka, on a free port, with its test profile (which trusts the test signing key).
 * Maven unpacks the packaged application, a test dependency of this module, and names its jar in
 * the system property {@code incident-service.jar}.
 */
public class IncidentServiceProcess implements QuarkusTestResourceLifecycleManager {
    private static String url;
    private JarProcess process;

    /** Base URL of the running incident-service. */
    public static String url() {
        return url;
    }

    @Override
    public Map<String, String> start() {
        String pgPort = System.getenv().getOrDefault("IM_TEST_PG_PORT", "25432");
        String kafkaPort = System.getenv().getOrDefault("IM_TEST_KAFKA_PORT", "29092");
        Map<String, String> properties = new HashMap<>(extraSystemProperties());
        properties.put("im.db.port", pgPort);
        properties.put("kafka.bootstrap.servers", "127.0.0.1:" + kafkaPort);
        process = JarProcess.start(jar(), JarProcess.freePort(), "256m", properties, Path.of("target/incident-service.log"));
        url = process.url();
        return Map.of("gateway.incident-service.url", url);
    }

    private static Path jar() {
        String jar = System.getProperty("incident-service.jar");
        if (jar == null) {
            throw new IllegalStateException("incident-service.jar is not set: run the tests through Maven "
                    + "(deploy/test/run -pl map-gateway -am), which unpacks the packaged incident-service");
        }
        return Path.of(jar);
    }

    /** Further system properties for incident-service, for tests that need more of it. */
    protected Map<String, String> extraSystemProperties() {
        return Map.of();
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
        }
    }
}
