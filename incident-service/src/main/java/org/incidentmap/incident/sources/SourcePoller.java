package org.incidentmap.incident.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Polls due sources: claims them in the database (so one replica polls each), then fetches,
 * parses and ingests each on its own, so a slow or broken source only ever delays itself. A
 * failure backs the source off (its interval doubled per failure in a row, up to the maximum);
 * a success resets it.
 */
@ApplicationScoped
class SourcePoller {

    private static final Logger LOG = Logger.getLogger(SourcePoller.class);
    private static final int MAX_ERROR_CHARS = 500;

    private final SourcesConfig config;
    private final SourceStore store;
    private final FeedFetcher fetcher;
    private final ItemIngest ingest;
    private final SourceMetrics metrics;
    private final Vertx vertx;
    private final UrlGuard guard;
    private final FeedParser parser;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private long timer = -1;

    SourcePoller(SourcesConfig config, SourceStore store, FeedFetcher fetcher, ItemIngest ingest, SourceMetrics metrics,
            Vertx vertx, ObjectMapper mapper) {
        this.config = config;
        this.store = store;
        this.fetcher = fetcher;
        this.ingest = ingest;
        this.metrics = metrics;
        this.vertx = vertx;
        this.guard = new UrlGuard(config.allowLoopback(), config.allowPrivateAddresses());
        this.parser = new FeedParser(mapper);
    }

    void start(@Observes StartupEvent event) {
        if (config.pollingEnabled()) {
            timer = vertx.setPeriodic(config.tick().toMillis(), id -> tick());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    UrlGuard guard() {
        return guard;
    }

    FeedParser parser() {
        return parser;
    }

    private void tick() {
        int free = config.concurrentFetches() - inFlight.get();
        if (free <= 0 || !claiming.compareAndSet(false, true)) {
            return;
        }
        Instant now = clock.instant();
        store.claimDue(now, now.plus(config.pollLease()), free).subscribe().with(sources -> {
            claiming.set(false);
            for (FeedSource s : sources) {
                inFlight.incrementAndGet();
                poll(s).subscribe().with(done -> inFlight.decrementAndGet(), e -> {
                    inFlight.decrementAndGet();
                    LOG.warnf("recording the poll of source %s failed: %s", s.id(), e.toString());
                });
            }
        }, e -> {
            claiming.set(false);
            LOG.debugf("claiming due sources failed: %s", e.toString());
        });
    }

    /** One poll of one source, its outcome recorded whatever happens. */
    Uni<FeedSource> poll(FeedSource s) {
        return vertx.executeBlocking(() -> guard.check(s.url()), false)
                .chain(target -> fetcher.fetch(target, s.etag(), s.lastModified()))
                .chain(fetched -> fetched.notModified()
                        ? recordSuccess(s, fetched, "not-modified", 0)
                        : vertx.executeBlocking(() -> parser.parse(s.kind(), fetched.body()), false)
                                .chain(items -> ingest.ingest(s, items))
                                .chain(outcome -> recordSuccess(s, fetched, "ok", outcome.newItems())))
                .onFailure().recoverWithUni(e -> recordFailure(s, e))
                .invoke(metrics::seen);
    }

    /** Ingests a body handed to the service (an uploaded export) as if it had been fetched. */
    Uni<FeedSource> ingestUpload(FeedSource s, byte[] body) {
        return vertx.executeBlocking(() -> parser.parse(s.kind(), body), false)
                .chain(items -> ingest.ingest(s, items))
                .chain(outcome -> {
                    Instant now = clock.instant();
                    return store.succeeded(s.id(), null, null, now, "uploaded", outcome.newItems() > 0 ? now : null,
                            outcome.newItems(), null);
                })
                .invoke(metrics::seen);
    }

    private Uni<FeedSource> recordSuccess(FeedSource s, FeedFetcher.Fetched fetched, String result, int newItems) {
        Instant now = clock.instant();
        return store.succeeded(s.id(), fetched.etag(), fetched.lastModified(), now, result,
                newItems > 0 ? now : null, newItems, now.plus(s.pollInterval()));
    }

    private Uni<FeedSource> recordFailure(FeedSource s, Throwable e) {
        Instant now = clock.instant();
        int failures = s.failures() + 1;
        Duration wait = backoff(s.pollInterval(), failures, config.maxBackoff());
        String message = describe(e);
        LOG.infof("source %s (%s) failed, next try in %s: %s", s.name(), s.id(), wait, message);
        return store.failed(s.id(), now, message, now.plus(wait));
    }

    /** The wait after {@code failures} failures in a row: the interval doubled per failure, at most {@code max}. */
    static Duration backoff(Duration interval, int failures, Duration max) {
        int doublings = Math.min(failures, 30);
        long millis = interval.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String kind = cause instanceof UrlGuard.Refused ? "refused URL: "
                : cause instanceof FeedParser.Malformed ? "malformed feed: "
                : cause instanceof FeedFetcher.FetchFailure ? "fetch failed: "
                : "ingest failed: ";
        String m = kind + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        return m.length() <= MAX_ERROR_CHARS ? m : m.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }
}
