package org.incidentmap.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import org.incidentmap.testsupport.JarProcess;

/**
 * Runs the real geocoding-service, as packaged earlier in the same build, against the test
 * PostgreSQL, on a free port, with its test profile. On an empty gazetteer schema it loads its
 * bundled GeoNames extract before it reports ready, as in geocoding-service's own tests; a
 * gazetteer loaded earlier on the test cluster is kept. Maven unpacks the packaged application, a
 * test dependency of this module, and names its jar in the system property
 * {@code geocoding-service.jar}.
 */
public class GeocodingServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static final Path LOG = Path.of("target/geocoding-service.log");
    private static int port;
    private static JarProcess process;

    @Override
    public Map<String, String> start() {
        port = JarProcess.freePort();
        process = launch();
        return Map.of("gateway.geocoding-service.url", process.url());
    }

    /** The running geocoding-service, to stop, kill or freeze in a test. */
    public static JarProcess process() {
        return process;
    }

    /** Starts geocoding-service again on the same port after a test stopped it. */
    public static void restart() {
        process.close();
        process = launch();
    }

    private static JarProcess launch() {
        String jar = System.getProperty("geocoding-service.jar");
        if (jar == null) {
            throw new IllegalStateException("geocoding-service.jar is not set: run the tests through Maven "
                    + "(deploy/test/run -pl map-gateway -am), which unpacks the packaged geocoding-service");
        }
        String pgPort = System.getenv().getOrDefault("IM_TEST_PG_PORT", "25432");
        return JarProcess.start(Path.of(jar), port, "256m", Map.of("im.db.port", pgPort), LOG);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
        }
    }
}
