package org.incidentmap.incident.sources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL of the sources registry and of the items each source delivered. */
@ApplicationScoped
class SourceStore {

    private static final String INSERT = """
            INSERT INTO incident.feed_sources (id, kind, url, name, poll_interval_s, language, attribution, sample,
                                               auto_publish_above, next_poll_at, created_at, created_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """ + " RETURNING " + FeedSource.COLUMNS;
    private static final String ALL = "SELECT " + FeedSource.COLUMNS + " FROM incident.feed_sources ORDER BY created_at, id";
    private static final String BY_ID = "SELECT " + FeedSource.COLUMNS + " FROM incident.feed_sources WHERE id = $1";
    /**
     * Claims due sources for this replica: moving next_poll_at ahead by the poll lease hides them
     * from the others; SKIP LOCKED lets two replicas claim at once without waiting on each other.
     */
    private static final String CLAIM_DUE = """
            UPDATE incident.feed_sources SET next_poll_at = $2
            WHERE id IN (SELECT id FROM incident.feed_sources WHERE next_poll_at <= $1
                         ORDER BY next_poll_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            """ + " RETURNING " + FeedSource.COLUMNS;
    private static final String SUCCEEDED = """
            UPDATE incident.feed_sources
            SET etag = $2, last_modified = $3, last_fetch_at = $4, last_fetch_result = $5,
                last_new_item_at = COALESCE($6, last_new_item_at), failures = 0, items_seen = items_seen + $7,
                next_poll_at = $8
            WHERE id = $1
            """ + " RETURNING " + FeedSource.COLUMNS;
    private static final String FAILED = """
            UPDATE incident.feed_sources
            SET last_fetch_at = $2, last_fetch_result = 'error', last_error = $3, last_error_at = $2,
                failures = failures + 1, next_poll_at = $4
            WHERE id = $1
            """ + " RETURNING " + FeedSource.COLUMNS;
    private static final String ITEM = "SELECT content_hash, report_id FROM incident.feed_items WHERE source_id = $1 AND item_key = $2";
    private static final String INSERT_ITEM = """
            INSERT INTO incident.feed_items (source_id, item_key, url, content_hash, report_id, first_seen_at)
            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (source_id, item_key) DO NOTHING""";
    private static final String CHANGED_ITEM = """
            UPDATE incident.feed_items SET content_hash = $3, report_id = $4, changed_at = $5
            WHERE source_id = $1 AND item_key = $2""";

    /** What the store knows of an item: the hash of its text when last seen and the report it became. */
    record KnownItem(String contentHash, UUID reportId) {
    }

    private final Pool pool;

    SourceStore(Pool pool) {
        this.pool = pool;
    }

    Uni<FeedSource> insert(UUID id, SourceRequests.Registration r, Instant firstPoll, Instant now, String author) {
        return one(INSERT, Tuple.from(new Object[] {id, r.kind().wire(), r.url(), r.name(), (int) r.pollInterval().toSeconds(),
                r.language(), r.attribution(), r.sample(), r.autoPublishAbove(), at(firstPoll), at(now), author}));
    }

    Uni<List<FeedSource>> all() {
        return pool.preparedQuery(ALL).execute().map(SourceStore::sources);
    }

    Uni<FeedSource> byId(UUID id) {
        return one(BY_ID, Tuple.of(id));
    }

    Uni<List<FeedSource>> claimDue(Instant now, Instant leaseUntil, int max) {
        return pool.preparedQuery(CLAIM_DUE).execute(Tuple.of(at(now), at(leaseUntil), max)).map(SourceStore::sources);
    }

    Uni<FeedSource> succeeded(UUID id, String etag, String lastModified, Instant at, String result, Instant newItemAt,
            int newItems, Instant nextPoll) {
        return one(SUCCEEDED, Tuple.from(new Object[] {id, etag, lastModified, at(at), result, at(newItemAt), (long) newItems, at(nextPoll)}));
    }

    Uni<FeedSource> failed(UUID id, Instant at, String error, Instant nextPoll) {
        return one(FAILED, Tuple.of(id, at(at), error, at(nextPoll)));
    }

    Uni<KnownItem> item(UUID sourceId, String key) {
        return pool.preparedQuery(ITEM).execute(Tuple.of(sourceId, key)).map(rows -> rows.size() == 0 ? null
                : new KnownItem(rows.iterator().next().getString("content_hash"), rows.iterator().next().getUUID("report_id")));
    }

    Uni<Void> insertItem(UUID sourceId, String key, String url, String hash, UUID reportId, Instant now) {
        return pool.preparedQuery(INSERT_ITEM).execute(Tuple.from(new Object[] {sourceId, key, url, hash, reportId, at(now)}))
                .replaceWithVoid();
    }

    Uni<Void> changedItem(UUID sourceId, String key, String hash, UUID reportId, Instant now) {
        return pool.preparedQuery(CHANGED_ITEM).execute(Tuple.from(new Object[] {sourceId, key, hash, reportId, at(now)}))
                .replaceWithVoid();
    }

    private Uni<FeedSource> one(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params)
                .map(rows -> rows.size() == 0 ? null : FeedSource.from(rows.iterator().next()));
    }

    private static List<FeedSource> sources(RowSet<Row> rows) {
        List<FeedSource> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(FeedSource.from(r)));
        return out;
    }

    private static OffsetDateTime at(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
