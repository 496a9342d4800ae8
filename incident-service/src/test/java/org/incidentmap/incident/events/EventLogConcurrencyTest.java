package org.incidentmap.incident.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** The event log's seq is gap-free and in commit order under concurrent writers. */
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
