package org.incidentmap.incident.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes the event log to the Kafka topic {@code incident-events}, keyed by incident id, at
 * least once and in seq order.
 *
 * <p>Only the replica holding the lease row in {@code relay_offset} publishes; it renews the lease
 * every round, the others stand by and take over once it has lapsed. The offset advances only after
 * Kafka acknowledged every event of a batch, so a relay stopped or killed mid-batch sends that batch
 * again when it (or its successor) resumes: consumers deduplicate by seq.
 *
 * <p>Rounds run on a timer and, through {@link CommitListener}, as soon as new events commit; at
 * most one round runs at a time, and a wake-up that arrives during a round starts another after it.
 */
@ApplicationScoped
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class);
    private static final String NAME = "incident-events";

    private static final String ACQUIRE = """
            UPDATE incident.relay_offset
            SET holder = $1, lease_until = now() + $2 * interval '1 millisecond'
            WHERE name = $3 AND (holder = $1 OR holder IS NULL OR lease_until < now())
            RETURNING published_seq""";
    private static final String BATCH = """
            SELECT seq, CAST(incident_id AS text) AS key, payload AS value
            FROM incident.events WHERE seq > $1 ORDER BY seq LIMIT $2""";
    private static final String ADVANCE = """
            UPDATE incident.relay_offset
            SET published_seq = $2, lease_until = now() + $3 * interval '1 millisecond'
            WHERE name = $4 AND holder = $1
            RETURNING published_seq""";
    private static final String RELEASE = """
            UPDATE incident.relay_offset SET holder = NULL, lease_until = NULL WHERE name = $2 AND holder = $1""";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final RelayConfig config;
    private final String holder = "relay-" + UUID.randomUUID();
    private volatile boolean running;
    private final AtomicBoolean inRound = new AtomicBoolean();
    private final AtomicBoolean wokenDuringRound = new AtomicBoolean();

    public Relay(Pool pool, @Channel(NAME) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> emitter, RelayConfig config) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.running = config.enabled();
    }

    /** Stops publishing; a batch in flight is abandoned without advancing the offset, and the lease is released. */
    public Uni<Void> stop() {
        running = false;
        return pool.preparedQuery(RELEASE).execute(Tuple.of(holder, NAME)).replaceWithVoid();
    }

    /** Resumes publishing from the stored offset. */
    public void start() {
        running = true;
    }

    /** Hands the lease over at once instead of letting the others wait for it to lapse. */
    void onShutdown(@Observes ShutdownEvent event) {
        stop().onFailure().recoverWithNull().await().atMost(java.time.Duration.ofSeconds(5));
    }

    /** Skipped until the application runs, as the Kafka channel is wired only then. */
    @Scheduled(every = "${incident.relay.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> round() {
        if (!inRound.compareAndSet(false, true)) {
            wokenDuringRound.set(true);
            return Uni.createFrom().voidItem();
        }
        return publishIfLeaseHolder().eventually(() -> {
            inRound.set(false);
            if (wokenDuringRound.getAndSet(false)) {
                wake();
            }
        });
    }

    /** Runs a round now, for events that have just committed. */
    void wake() {
        round().subscribe().with(ignored -> { }, e -> LOG.warnf("relay round failed: %s", e.toString()));
    }

    private Uni<Void> publishIfLeaseHolder() {
        if (!running) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(ACQUIRE).execute(Tuple.of(holder, config.lease().toMillis(), NAME))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                        : publishFrom(rows.iterator().next().getLong(0)))
                .onFailure().invoke(e -> LOG.warnf("relay round failed, retrying from the stored offset: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes batch after batch until the log is drained, the relay is stopped or the lease is lost. */
    private Uni<Void> publishFrom(long offset) {
        return pool.preparedQuery(BATCH).execute(Tuple.of(offset, config.batchSize()))
                .chain(rows -> {
                    if (rows.size() == 0 || !running) {
                        return Uni.createFrom().voidItem();
                    }
                    long last = lastSeq(rows);
                    return send(rows)
                            .chain(() -> pool.preparedQuery(ADVANCE)
                                    .execute(Tuple.of(holder, last, config.lease().toMillis(), NAME)))
                            .chain(advanced -> advanced.size() == 0 ? Uni.createFrom().voidItem() : publishFrom(last));
                });
    }

    private Uni<Void> send(RowSet<Row> rows) {
        List<Uni<Void>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(Uni.createFrom().deferred(() -> {
                if (!running) {
                    return Uni.createFrom().failure(new IllegalStateException("relay stopped mid-batch"));
                }
                Message<String> message = Message.of(row.getString("value"))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.getString("key")).build());
                return emitter.sendMessage(message);
            }));
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private static long lastSeq(RowSet<Row> rows) {
        long last = 0;
        for (Row row : rows) {
            last = row.getLong("seq");
        }
        return last;
    }
}
