package org.incidentmap.gateway.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.gateway.support.Reporter;
import org.incidentmap.gateway.support.SseRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** End to end: an incident written to the real incident-service reaches stream clients through Kafka. */
@QuarkusTest
@QuarkusTestResource(value = IncidentServiceProcess.class, restrictToAnnotatedClass = true)
class LiveIncidentStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/stream")
    URI stream;

    private final List<SseRecorder> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(SseRecorder::close);
    }

    @Test
    void anIncidentPostedToIncidentServiceArrivesOnTheStreamAndReplaysOnResume() {
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        SseRecorder live = open(stream);
        await().atMost(WAIT).until(() -> !live.comments().isEmpty());

        String id = Reporter.create("Kupiansk", 37.6166, 49.7106, "Explosions/Remote violence", 2, false);

        await().atMost(WAIT).until(() -> live.events().stream().anyMatch(e -> e.data().contains(id)));
        SseRecorder.Received created = live.events().stream().filter(e -> e.data().contains(id)).findFirst().orElseThrow();
        assertThat(created.event()).isEqualTo("incident.created");
        assertThat(created.data()).contains("\"placeName\":\"Kupiansk\"");

        SseRecorder resumed = open(URI.create(stream + "?since=" + (created.id() - 1)));
        await().atMost(WAIT).until(() -> resumed.ids().contains(created.id()));
        assertThat(resumed.ids().get(0)).isEqualTo(created.id());
    }

    private SseRecorder open(URI uri) {
        SseRecorder recorder = new SseRecorder(uri, null);
        clients.add(recorder);
        return recorder;
    }
}
