package org.incidentmap.gateway.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.testsupport.JarProcess;
import org.incidentmap.gateway.support.Reporter;
import org.incidentmap.gateway.support.ResumingSseClient;
import org.incidentmap.gateway.support.SseRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged gateways behind nginx as deploy/nginx configures it, in front of the real
 * incident-service and Kafka: streams pass through nginx as they are written, every client gets
 * every event once whichever replica it reaches, and a client whose replica dies resumes on the
 * other without a gap or a duplicate.
 */
class TwoReplicasBehindNginxIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path PROXY = Path.of("../deploy/nginx/gateway-proxy");
    private static final Path NGINX_DIR = Path.of("target/nginx");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final IncidentServiceProcess INCIDENT_SERVICE = new IncidentServiceProcess();
    private static final int[] PORTS = {JarProcess.freePort(), JarProcess.freePort()};
    private static final JarProcess[] REPLICAS = new JarProcess[2];
    private static int nginxPort;

    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        INCIDENT_SERVICE.start();
        for (int i = 0; i < 2; i++) {
            REPLICAS[i] = replica(i);
        }
        nginxPort = JarProcess.freePort();
        proxy("start", NGINX_DIR.toString(), Integer.toString(nginxPort), Integer.toString(PORTS[0]),
                Integer.toString(PORTS[1]));
    }

    @AfterAll
    static void stop() throws Exception {
        proxy("stop", NGINX_DIR.toString());
        for (JarProcess replica : REPLICAS) {
            if (replica != null) {
                replica.close();
            }
        }
        INCIDENT_SERVICE.stop();
    }

    @BeforeEach
    void bothReplicasRunning() {
        for (int i = 0; i < 2; i++) {
            if (!REPLICAS[i].isAlive()) {
                REPLICAS[i] = replica(i);
            }
        }
    }

    @AfterEach
    void disconnect() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    @Test
    void everyClientGetsEveryEventOnceAsItIsWrittenWhicheverReplicaItReaches() {
        List<SseRecorder> streams = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SseRecorder client = new SseRecorder(throughNginx(), null);
            clients.add(client);
            streams.add(client);
        }
        await().atMost(WAIT).until(() -> streams.stream().allMatch(c -> !c.comments().isEmpty()));
        assertThat(subscribers(0)).as("clients on the first replica").isPositive();
        assertThat(subscribers(1)).as("clients on the second replica").isPositive();

        long before = head();
        Reporter.create("Kharkiv", 36.2304, 49.9935, "Explosions/Remote violence", 2, false);
        long first = head();
        // Unbuffered: the first event reaches every client while its stream is still open and idle.
        await().atMost(WAIT).until(() -> streams.stream().allMatch(c -> c.ids().contains(first)));
        Reporter.create("Izium", 37.2556, 49.2128, "Explosions/Remote violence", 5, false);
        Reporter.create("Kupiansk", 37.6167, 49.7064, "Battles", 1, false);
        long last = head();

        await().atMost(WAIT).until(() -> streams.stream().allMatch(c -> c.ids().contains(last)));
        for (SseRecorder client : streams) {
            assertThat(client.ids()).containsExactlyElementsOf(range(before + 1, last));
        }
    }

    @Test
    void aClientWhoseReplicaDiesResumesOnTheOtherWithNoGapAndNoDuplicate() {
        ResumingSseClient client = new ResumingSseClient(throughNginx());
        clients.add(client);
        await().atMost(WAIT).until(client::connected);
        long before = head();
        Reporter.create("Balakliia", 36.8386, 49.4627, "Explosions/Remote violence", 0, false);
        long seen = head();
        await().atMost(WAIT).until(() -> client.ids().contains(seen));

        int serving = subscribers(0) > 0 ? 0 : 1;
        REPLICAS[serving].kill();
        Reporter.create("Chuhuiv", 36.6889, 49.8356, "Explosions/Remote violence", 1, false);
        Reporter.create("Vovchansk", 36.9406, 50.2911, "Battles", 3, false);
        long whileReconnecting = head();
        await().atMost(WAIT).until(() -> client.ids().contains(whileReconnecting));
        assertThat(client.connectionCount()).isGreaterThan(1);
        assertThat(subscribers(1 - serving)).isPositive();

        Reporter.create("Zolochiv", 35.9794, 50.2808, "Explosions/Remote violence", 0, false);
        long live = head();
        await().atMost(WAIT).until(() -> client.ids().contains(live));
        assertThat(client.ids()).containsExactlyElementsOf(range(before + 1, live));
    }

    private static JarProcess replica(int index) {
        return JarProcess.start(JAR, PORTS[index], "256m", Map.of(
                "gateway.incident-service.url", IncidentServiceProcess.url(),
                "kafka.bootstrap.servers", "127.0.0.1:" + System.getenv().getOrDefault("IM_TEST_KAFKA_PORT", "29092")),
                Path.of("target/map-gateway-replica-" + index + ".log"));
    }

    private static void proxy(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", PROXY.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/nginx-proxy.log").toFile())).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("gateway-proxy " + args[0] + " failed; see target/nginx-proxy.log");
        }
    }

    private static URI throughNginx() {
        return URI.create("http://127.0.0.1:" + nginxPort + "/stream");
    }

    /** Open streams on one replica, from its own metrics. */
    private static int subscribers(int replica) {
        String metrics = given().get("http://127.0.0.1:" + PORTS[replica] + "/q/metrics").then().statusCode(200)
                .extract().asString();
        return (int) metrics.lines().filter(l -> l.startsWith("gateway_stream_subscribers "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static long head() {
        return given().get(IncidentServiceProcess.url() + "/events?after=0&limit=1").then().statusCode(200)
                .extract().jsonPath().getLong("headSeq");
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
