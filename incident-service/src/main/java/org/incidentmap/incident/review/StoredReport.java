package org.incidentmap.incident.review;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** A pasted news report with what the extractor proposed from it; a row of {@code incident.reports}. */
public class StoredReport {

    static final String INSERT = """
            INSERT INTO incident.reports (id, text_hash, url, outlet, published_at, text, extraction, language, created_at, created_by)
            VALUES ($1, $2, $3, $4, $5, $6, CAST(CAST($7 AS text) AS jsonb), $8, $9, $10)""";
    private static final String COLUMNS =
            "id, text_hash, url, outlet, published_at, text, CAST(extraction AS text) AS extraction, language, created_at, created_by";
    static final String BY_ID = "SELECT " + COLUMNS + " FROM incident.reports WHERE id = $1";
    /** The report, locked so decisions on it queue. */
    static final String LOCKED = BY_ID + " FOR UPDATE";
    static final String BY_HASH_OR_URL = "SELECT " + COLUMNS
            + " FROM incident.reports WHERE text_hash = $1 OR url = $2 LIMIT 1";

    public UUID id;

    /** SHA-256 of the text, hex: the same text pasted twice is one report. */
    public String textHash;
    public String url;
    public String outlet;
    public Instant publishedAt;
    public String text;
    /** The extractor's {@code Extraction} as JSON; bound as text, since the reactive client would bind a String for a jsonb parameter as a JSON string. */
    public String extraction;
    /** ISO 639-1 code of the language the extractor read the report in; null for reports stored before it was kept. */
    public String language;
    public Instant createdAt;
    public String createdBy;

    Tuple insertValues() {
        return Tuple.from(new Object[] {id, textHash, url, outlet, publishedAt.atOffset(ZoneOffset.UTC), text, extraction, language,
                createdAt.atOffset(ZoneOffset.UTC), createdBy});
    }

    static StoredReport from(Row row) {
        StoredReport r = new StoredReport();
        r.id = row.getUUID("id");
        r.textHash = row.getString("text_hash");
        r.url = row.getString("url");
        r.outlet = row.getString("outlet");
        r.publishedAt = row.getOffsetDateTime("published_at").toInstant();
        r.text = row.getString("text");
        r.extraction = row.getString("extraction");
        r.language = row.getString("language");
        r.createdAt = row.getOffsetDateTime("created_at").toInstant();
        r.createdBy = row.getString("created_by");
        return r;
    }
}
