package org.incidentmap.gateway.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.incidentmap.gateway.support.ErrorLog;
import org.incidentmap.gateway.support.EventLog;
import org.incidentmap.gateway.support.IncidentServiceStub;
import org.incidentmap.gateway.support.SseRecorder;
import org.incidentmap.gateway.support.TopicPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live stream against the real Kafka broker; incident-service's event log is served by a stub. */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceStub.class, restrictToAnnotatedClass = true)
class StreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/stream")
    URI stream;

    private TopicPublisher topic;
    private final List<SseRecorder> clients = new ArrayList<>();

    @BeforeEach
    void connectToTopic() {
        topic = new TopicPublisher(bootstrap);
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @AfterEach
    void disconnect() {
        clients.forEach(SseRecorder::close);
        topic.close();
    }

    @Test
    void eventsPublishedOutOfSeqOrderAcrossPartitionsArriveInSeqOrder() {
        SseRecorder live = open(stream, null);
        List<EventLog.Event> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(EventLog.append(36.2, 49.9, "Explosions/Remote violence", i));
        }
        Collections.shuffle(batch, new Random(7));
        batch.forEach(topic::publish);
        long first = batch.stream().mapToLong(EventLog.Event::seq).min().orElseThrow();
        long last = batch.stream().mapToLong(EventLog.Event::seq).max().orElseThrow();

        await().atMost(WAIT).until(() -> live.ids().contains(last));
        assertThat(live.ids()).containsExactlyElementsOf(range(first, last));
        SseRecorder.Received one = live.events().get(0);
        assertThat(one.event()).isEqualTo("incident.created");
        assertThat(one.data()).startsWith("{\"type\":\"Feature\"").doesNotContain("\"seq\"");
        assertThat(live.comments()).contains("connected");
    }

    @Test
    void resumingFromAnySeqReplaysEveryLaterEventExactlyOnceThenContinuesLive() {
        long before = EventLog.head();
        List<EventLog.Event> published = new ArrayList<>();
        // More than the test buffer (50) holds, so the oldest resume points come from the event log.
        for (int i = 0; i < 80; i++) {
            published.add(EventLog.append(30.5, 50.4, "Explosions/Remote violence", 1));
        }
        published.forEach(topic::publish);
        long head = EventLog.head();
        SseRecorder watcher = open(stream, null);
        await().atMost(WAIT).until(() -> !watcher.comments().isEmpty());
        EventLog.Event tail = EventLog.append(30.5, 50.4, "Explosions/Remote violence", 1);
        topic.publish(tail);
        await().atMost(WAIT).until(() -> watcher.ids().contains(tail.seq()));

        for (final long since : new long[] {0, before, before + 5, head - 40, head - 10, head - 1, head}) {
            SseRecorder resumed = open(URI.create(stream + "?since=" + since), null);
            await("resume after " + since).atMost(WAIT).until(() -> resumed.ids().contains(tail.seq()));
            assertThat(resumed.ids()).as("resume after %d", since).containsExactlyElementsOf(range(since + 1, tail.seq()));
        }
    }

    @Test
    void lastEventIdHeaderResumesLikeSince() {
        EventLog.Event a = EventLog.append(30.5, 50.4, "Battles", 2);
        EventLog.Event b = EventLog.append(30.5, 50.4, "Battles", 3);
        SseRecorder watcher = open(stream, null);
        await().atMost(WAIT).until(() -> !watcher.comments().isEmpty());
        topic.publish(a);
        topic.publish(b);
        await().atMost(WAIT).until(() -> watcher.ids().contains(b.seq()));

        SseRecorder resumed = open(stream, Long.toString(a.seq()));
        await().atMost(WAIT).until(() -> resumed.ids().contains(b.seq()));
        assertThat(resumed.ids()).containsExactly(b.seq());
    }

    @Test
    void aGapKafkaLeavesOpenIsFilledFromTheEventLog() {
        SseRecorder live = open(stream, null);
        await().atMost(WAIT).until(() -> !live.comments().isEmpty());
        EventLog.Event neverPublished = EventLog.append(35.0, 48.5, "Battles", 0);
        EventLog.Event published = EventLog.append(35.0, 48.5, "Battles", 0);
        topic.publish(published);

        await().atMost(WAIT).until(() -> live.ids().contains(published.seq()));
        assertThat(live.ids()).containsSubsequence(neverPublished.seq(), published.seq());
    }

    @Test
    void filtersDeliverOnlyMatchingEvents() {
        SseRecorder inKharkivBox = open(URI.create(stream + "?bbox=35,49,37,51"), null);
        SseRecorder shelling = open(URI.create(stream + "?eventType=Battles,Protests"), null);
        SseRecorder deadly = open(URI.create(stream + "?minKilled=5"), null);
        SseRecorder everything = open(stream, null);
        await().atMost(WAIT).until(() -> !everything.comments().isEmpty() && !deadly.comments().isEmpty()
                && !shelling.comments().isEmpty() && !inKharkivBox.comments().isEmpty());

        EventLog.Event kharkiv = EventLog.append(36.23, 49.99, "Explosions/Remote violence", 1);
        EventLog.Event odesa = EventLog.append(30.73, 46.48, "Battles", 7);
        EventLog.Event lviv = EventLog.append(24.03, 49.84, "Explosions/Remote violence", null);
        List.of(kharkiv, odesa, lviv).forEach(topic::publish);

        await().atMost(WAIT).until(() -> everything.ids().contains(lviv.seq()));
        await().atMost(WAIT).until(() -> deadly.ids().contains(odesa.seq()));
        assertThat(inKharkivBox.ids()).containsExactly(kharkiv.seq());
        assertThat(shelling.ids()).containsExactly(odesa.seq());
        assertThat(deadly.ids()).containsExactly(odesa.seq());
    }

    @Test
    void aQuietStreamCarriesHeartbeatComments() {
        SseRecorder quiet = open(stream, null);
        // The test profile beats every second.
        await().atMost(WAIT).until(() -> quiet.comments().stream().filter("heartbeat"::equals).count() >= 2);
        assertThat(quiet.ended()).isFalse();
    }

    @Test
    void resumingFromASeqTheLogNeverHadGetsAReset() {
        SseRecorder future = open(URI.create(stream + "?since=" + (EventLog.head() + 1000)), null);
        await().atMost(WAIT).until(() -> future.events().stream().anyMatch(e -> "reset".equals(e.event())));
        assertThat(future.events().get(0).data()).contains("\"headSeq\":" + EventLog.head());
        await().atMost(WAIT).until(future::ended);
    }

    @Test
    void aSubscriberThatStopsReadingIsResetWithoutAnErrorLoggedWhileOthersReceiveEverything() throws Exception {
        ErrorLog errors = ErrorLog.capture();
        double droppedBefore = droppedSubscribers();
        SseRecorder fast = open(stream, null);
        await().atMost(WAIT).until(() -> !fast.comments().isEmpty());
        String padding = "x".repeat(32_000);
        long first = EventLog.head() + 1;
        try (java.net.Socket stalled = new java.net.Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new java.net.InetSocketAddress(stream.getHost(), stream.getPort()));
            stalled.getOutputStream().write(("GET /stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // Batches small enough for the fast client's queue; the stalled one falls behind until cut off.
            for (int batch = 0; batch < 80 && droppedSubscribers() == droppedBefore; batch++) {
                List<EventLog.Event> events = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    events.add(EventLog.append("incident.created", 36.2, 49.9, "Battles", 1, padding));
                }
                events.forEach(topic::publish);
                long last = events.get(events.size() - 1).seq();
                await().atMost(WAIT).until(() -> fast.ids().contains(last));
            }
            // Closed at the cut-off, while the client still reads nothing: a connection left open until
            // its queue drained would stay established for as long as the client stalls.
            await().atMost(Duration.ofSeconds(5)).until(
                    () -> !"01".equals(serverSideTcpState(stream.getPort(), stalled.getLocalPort())));
            // Reset, not ended after a drain: the client learns at its next read.
            stalled.setSoTimeout((int) WAIT.toMillis());
            assertThatThrownBy(() -> stalled.getInputStream().readAllBytes())
                    .isInstanceOf(java.net.SocketException.class).hasMessageContaining("reset");
        }
        assertThat(droppedSubscribers()).isEqualTo(droppedBefore + 1);
        assertThat(fast.ended()).isFalse();
        assertThat(fast.ids()).containsExactlyElementsOf(range(first, EventLog.head()));
        errors.close();
        assertThat(errors.records()).as("errors logged around the cut-off").isEmpty();
    }

    /**
     * The kernel's state of the server's end of a loopback connection (hex, as in /proc/net/tcp:
     * "01" established), or null once the socket is gone.
     */
    private static String serverSideTcpState(int serverPort, int clientPort) throws java.io.IOException {
        String local = String.format(":%04X", serverPort);
        String remote = String.format(":%04X", clientPort);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(local) && f[2].endsWith(remote)) {
                    return f[3];
                }
            }
        }
        return null;
    }

    @Test
    void theStreamIsDescribedInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/stream'.get.responses.'200'.content", org.hamcrest.Matchers.hasKey("text/event-stream"));
    }

    @Test
    void malformedParametersAreRejectedWithAProblemNamingTheParameter() {
        given().get("/stream?bbox=1,2,3").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("bbox"));
        given().get("/stream?minKilled=-1").then().statusCode(400).body("parameter", equalTo("minKilled"));
        given().header("Last-Event-ID", "abc").get("/stream").then().statusCode(400)
                .body("parameter", equalTo("Last-Event-ID"));
        given().urlEncodingEnabled(false).get("/stream?eventType=%00").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("eventType"));
        given().get("/stream?colour=red").then().statusCode(400).body("parameter", equalTo("colour"));
    }

    private SseRecorder open(URI uri, String lastEventId) {
        SseRecorder recorder = new SseRecorder(uri, lastEventId);
        clients.add(recorder);
        return recorder;
    }

    private static double droppedSubscribers() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("gateway_stream_subscribers_dropped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
