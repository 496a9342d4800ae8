package org.incidentmap.incident.sources;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A registered source with its polling state; a row of {@code incident.feed_sources}. */
record FeedSource(UUID id, SourceKind kind, String url, String name, Duration pollInterval, String language,
        String attribution, boolean sample, Double autoPublishAbove, String etag, String lastModified,
        Instant lastFetchAt, String lastFetchResult, Instant lastNewItemAt, String lastError, Instant lastErrorAt,
        int failures, long itemsSeen, Instant nextPollAt, Instant createdAt, String createdBy) {

    static final String COLUMNS = """
            id, kind, url, name, poll_interval_s, language, attribution, sample, auto_publish_above, etag, last_modified,
            last_fetch_at, last_fetch_result, last_new_item_at, last_error, last_error_at, failures, items_seen,
            next_poll_at, created_at, created_by""";

    /** Healthy: its last fetch worked; unhealthy: the last one failed; pending: never fetched yet. */
    String state() {
        if (failures > 0) {
            return "unhealthy";
        }
        return lastFetchAt == null ? "pending" : "healthy";
    }

    static FeedSource from(Row r) {
        Double threshold = r.getDouble("auto_publish_above");
        return new FeedSource(r.getUUID("id"), SourceKind.of(r.getString("kind")), r.getString("url"), r.getString("name"),
                Duration.ofSeconds(r.getInteger("poll_interval_s")), r.getString("language"), r.getString("attribution"),
                r.getBoolean("sample"), threshold, r.getString("etag"), r.getString("last_modified"),
                instant(r, "last_fetch_at"), r.getString("last_fetch_result"), instant(r, "last_new_item_at"),
                r.getString("last_error"), instant(r, "last_error_at"), r.getInteger("failures"), r.getLong("items_seen"),
                instant(r, "next_poll_at"), instant(r, "created_at"), r.getString("created_by"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
