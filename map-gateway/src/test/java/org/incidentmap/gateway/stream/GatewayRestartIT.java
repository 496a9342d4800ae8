package org.incidentmap.gateway.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.testsupport.JarProcess;
import org.incidentmap.gateway.support.Reporter;
import org.incidentmap.gateway.support.SseRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway, stopped and started again mid-stream, in front of the real incident-service
 * and Kafka: a client that resumes loses nothing that was published while the gateway was down.
 */
class GatewayRestartIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final IncidentServiceProcess INCIDENT_SERVICE = new IncidentServiceProcess();

    @BeforeAll
    static void startIncidentService() {
        INCIDENT_SERVICE.start();
    }

    @AfterAll
    static void stopIncidentService() {
        INCIDENT_SERVICE.stop();
    }

    @Test
    void aClientResumingAfterARestartGetsEveryEventPublishedWhileTheGatewayWasDownThenLiveOnes() {
        int port = JarProcess.freePort();
        long seen;
        try (JarProcess gateway = gateway(port); SseRecorder before = new SseRecorder(stream(gateway, ""), null)) {
            await().atMost(WAIT).until(() -> !before.comments().isEmpty());
            Reporter.create("Kharkiv", 36.2304, 49.9935, "Explosions/Remote violence", 2, false);
            long created = head();
            await().atMost(WAIT).until(() -> before.ids().contains(created));
            seen = created;
        }

        Reporter.create("Izium", 37.2556, 49.2128, "Explosions/Remote violence", 5, false);
        Reporter.create("Kupiansk", 37.6167, 49.7064, "Battles", 1, false);
        long whileDown = head();

        try (JarProcess gateway = gateway(port)) {
            try (SseRecorder resumed = new SseRecorder(stream(gateway, ""), Long.toString(seen))) {
                await().atMost(WAIT).until(() -> resumed.ids().contains(whileDown));
                Reporter.create("Balakliia", 36.8386, 49.4627, "Explosions/Remote violence", 0, false);
                long live = head();
                await().atMost(WAIT).until(() -> resumed.ids().contains(live));
                assertThat(resumed.ids()).containsExactlyElementsOf(range(seen + 1, live));
            }
            long last = head();
            for (long since = Math.max(0, seen - 3); since <= last; since++) {
                long from = since;
                try (SseRecorder client = new SseRecorder(stream(gateway, "?since=" + from), null)) {
                    await().atMost(WAIT).until(() -> from == last ? !client.comments().isEmpty() : client.ids().contains(last));
                    assertThat(client.ids()).as("since=%d", from).containsExactlyElementsOf(range(from + 1, last));
                }
            }
            // Only Izium lies in this box; Kupiansk, Kharkiv and Balakliia do not.
            try (SseRecorder filtered = new SseRecorder(stream(gateway, "?bbox=37.1,49.1,37.4,49.3&since=" + seen), null)) {
                await().atMost(WAIT).until(() -> !filtered.ids().isEmpty());
                assertThat(filtered.ids()).containsExactly(seen + 1);
                assertThat(filtered.events().get(0).data()).contains("\"placeName\":\"Izium\"");
            }
        }
    }

    private static JarProcess gateway(int port) {
        return JarProcess.start(JAR, port, "256m", Map.of(
                "gateway.incident-service.url", IncidentServiceProcess.url(),
                "kafka.bootstrap.servers", "127.0.0.1:" + System.getenv().getOrDefault("IM_TEST_KAFKA_PORT", "29092")),
                Path.of("target/map-gateway-restart.log"));
    }

    private static URI stream(JarProcess gateway, String query) {
        return URI.create(gateway.url() + "/stream" + query);
    }

    private static long head() {
        return given().get(IncidentServiceProcess.url() + "/events?after=0&limit=1").then().statusCode(200)
                .extract().jsonPath().getLong("headSeq");
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
