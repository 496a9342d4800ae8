package org.incidentmap.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real incident-service, as packaged earlier in the same build, against the test
 * PostgreSQL and Kafka, on a free port, with its test profile (which trusts the test signing key).
 */
public class IncidentServiceProcess implements QuarkusTestResourceLifecycleManager {

    static final Path JAR = Path.of("../incident-service/target/quarkus-app/quarkus-run.jar");
    private static String url;
    private Process process;

    /** Base URL of the running incident-service. */
    public static String url() {
        return url;
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: package incident-service first "
                    + "(deploy/test/run builds it before map-gateway; alone: mvn package -pl incident-service -DskipTests)");
        }
        int port = freePort();
        String pgPort = System.getenv().getOrDefault("IM_TEST_PG_PORT", "25432");
        String kafkaPort = System.getenv().getOrDefault("IM_TEST_KAFKA_PORT", "29092");
        Path log = Path.of("target/incident-service.log");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-Dquarkus.profile=test",
                    "-Dquarkus.http.port=" + port,
                    "-Dim.db.port=" + pgPort,
                    "-Dkafka.bootstrap.servers=127.0.0.1:" + kafkaPort));
            command.addAll(extraSystemProperties());
            command.addAll(List.of("-jar", JAR.toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start incident-service", e);
        }
        url = "http://127.0.0.1:" + port;
        awaitReady(log);
        return Map.of("gateway.incident-service.url", url);
    }

    /** Further {@code -Dkey=value} arguments for incident-service, for tests that need more of it. */
    protected List<String> extraSystemProperties() {
        return List.of();
    }

    private void awaitReady(Path log) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("incident-service exited; see " + log.toAbsolutePath());
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("incident-service not ready within 90 s; see " + log.toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
