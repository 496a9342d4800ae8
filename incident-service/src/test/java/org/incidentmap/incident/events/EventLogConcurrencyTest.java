package org.incidentmap.incident.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/** The event log's seq is gap-free and in commit order under concurrent writers, single and imported. */
@QuarkusTest
class EventLogConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int INCIDENTS_PER_WRITER = 50;

    @Inject
    Pool pool;

    @Test
    void concurrentWritersLeaveNoGapAndAPollingReaderSeesEveryEventOnceInOrder() throws Exception {
        long start = Incidents.headSeq();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            CompletableFuture<List<Long>> poller = CompletableFuture.supplyAsync(() -> poll(start, writing), threads);
            List<CompletableFuture<Void>> writers = IntStream.range(0, WRITERS)
                    .mapToObj(w -> CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < INCIDENTS_PER_WRITER; i++) {
                            Incidents.create(Incidents.kharkivDroneFlat()).statusCode(201);
                        }
                    }, threads))
                    .toList();
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            writing.set(false);
            List<Long> seen = poller.get(1, TimeUnit.MINUTES);

            long end = Incidents.headSeq();
            assertThat(end - start).isGreaterThanOrEqualTo(WRITERS * INCIDENTS_PER_WRITER);
            assertThat(seen).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(start + 1, end).boxed().toList());
        } finally {
            threads.shutdownNow();
        }

        Row log = pool.query("SELECT min(seq) AS lo, max(seq) AS hi, count(*) AS n FROM incident.events")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertThat(log.getLong("lo")).isEqualTo(1L);
        assertThat(log.getLong("n")).isEqualTo(log.getLong("hi"));
    }

    @Test
    void importChunksAndSingleWritersTogetherLeaveNoGap() throws Exception {
        long start = Incidents.headSeq();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<List<Long>> poller = CompletableFuture.supplyAsync(() -> poll(start, writing), threads);
            CompletableFuture<Void> single = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 100; i++) {
                    Incidents.create(Incidents.kharkivDroneFlat()).statusCode(201);
                }
            }, threads);
            CompletableFuture<Void> imports = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2; i++) {
                    importRows(IMPORTED_ROWS);
                }
            }, threads);
            CompletableFuture.allOf(single, imports).get(5, TimeUnit.MINUTES);
            writing.set(false);
            List<Long> seen = poller.get(1, TimeUnit.MINUTES);

            long end = Incidents.headSeq();
            assertThat(end - start).isGreaterThanOrEqualTo(100 + 2 * IMPORTED_ROWS);
            assertThat(seen).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(start + 1, end).boxed().toList());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Two chunks of the default 2000 each: enough to interleave, few enough to leave the shared test database small. */
    private static final int IMPORTED_ROWS = 2001;

    /** Imports {@code n} incidents (several chunks) and waits until the import is done. */
    private static void importRows(int n) {
        StringBuilder body = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int k = 0; k < n; k++) {
            body.append(k == 0 ? "" : ",").append("""
                    {"type":"Feature","geometry":{"type":"Point","coordinates":[36.2,49.99]},
                     "properties":{"eventType":"Explosions/Remote violence","occurredOn":"2024-02-01","country":"UA"}}""");
        }
        String location = given().auth().oauth2(Tokens.editor()).contentType("application/geo+json")
                .body(body.append("]}").toString())
                .when().post("/imports").then().statusCode(202).extract().header("Location");
        String state = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get(location).then().statusCode(200).extract().path("state").toString(),
                        s -> !List.of("queued", "running").contains(s));
        assertThat(state).isEqualTo("done");
    }

    /** Polls GET /events?after= like a consumer that fell behind, until the writers are done and it has caught up. */
    private static List<Long> poll(long after, AtomicBoolean writing) {
        List<Long> seen = new ArrayList<>();
        long last = after;
        while (true) {
            boolean stillWriting = writing.get();
            JsonPath page = given().when().get("/events?after=" + last + "&limit=100")
                    .then().statusCode(200).extract().jsonPath();
            List<Long> seqs = page.getList("events.seq", Long.class);
            seen.addAll(seqs);
            if (!seqs.isEmpty()) {
                last = seqs.get(seqs.size() - 1);
            } else if (!stillWriting && last >= page.getLong("headSeq")) {
                return seen;
            }
        }
    }
}
