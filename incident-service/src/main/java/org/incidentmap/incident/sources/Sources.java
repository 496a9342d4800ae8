package org.incidentmap.incident.sources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.incidentmap.incident.domain.InvalidInputException;

/** The sources registry: registration (with the URL guard), listing with health, uploads of exports. */
@ApplicationScoped
class Sources {

    private static final String UNIQUE_VIOLATION = "23505";

    private final SourceStore store;
    private final SourcePoller poller;
    private final SourceMetrics metrics;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();

    Sources(SourceStore store, SourcePoller poller, SourceMetrics metrics, Vertx vertx) {
        this.store = store;
        this.poller = poller;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    Uni<FeedSource> register(SourceRequests.Registration r, String author) {
        Uni<Void> checked = r.url() == null ? Uni.createFrom().voidItem()
                : vertx.executeBlocking(() -> {
                    try {
                        poller.guard().check(r.url());
                        return null;
                    } catch (UrlGuard.Refused e) {
                        throw InvalidInputException.of("url", e.getMessage());
                    }
                }, false).replaceWithVoid();
        Instant now = clock.instant();
        return checked.chain(() -> store.insert(UUID.randomUUID(), r, r.url() == null ? null : now, now, author))
                .onFailure(e -> e instanceof PgException p && UNIQUE_VIOLATION.equals(p.getSqlState()))
                .transform(e -> new ClientErrorException("a source with the URL " + r.url() + " is registered already", 409))
                .invoke(metrics::seen);
    }

    Uni<List<FeedSource>> all() {
        return store.all().invoke(list -> list.forEach(metrics::seen));
    }

    Uni<FeedSource> one(UUID id) {
        return store.byId(id).onItem().ifNull().failWith(() -> new NotFoundException("no source " + id)).invoke(metrics::seen);
    }

    /** An export file handed over for a telegram-export source: its messages ingested now. */
    Uni<FeedSource> upload(UUID id, byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidInputException.of("body", "the export file (result.json) is required");
        }
        return one(id).chain(s -> {
            if (s.kind() != SourceKind.TELEGRAM_EXPORT) {
                return Uni.createFrom().failure(InvalidInputException.of("id",
                        "is a " + s.kind().wire() + " source; only telegram-export sources take uploads"));
            }
            return poller.ingestUpload(s, body).onFailure(FeedParser.Malformed.class)
                    .transform(e -> InvalidInputException.of("body", e.getMessage()));
        });
    }
}
