package org.incidentmap.incident.review;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** A pasted news report with what the extractor proposed from it; a row of {@code incident.reports}. */
public class StoredReport {

    static final String INSERT = """
            INSERT INTO incident.reports (id, text_hash, url, outlet, published_at, text, extraction, language, created_at, created_by,
                                          feed_source_id, feed_item, attribution, sample, revises_report)
            VALUES ($1, $2, $3, $4, $5, $6, CAST(CAST($7 AS text) AS jsonb), $8, $9, $10, $11, $12, $13, $14, $15)""";
    private static final String COLUMNS = """
            r.id, r.text_hash, r.url, r.outlet, r.published_at, r.text, CAST(r.extraction AS text) AS extraction, r.language,
            r.created_at, r.created_by, r.feed_source_id, r.feed_item, r.attribution, r.sample, r.revises_report,
            f.name AS feed_name, f.url AS feed_url""";
    private static final String FROM =
            " FROM incident.reports r LEFT JOIN incident.feed_sources f ON f.id = r.feed_source_id";
    static final String BY_ID = "SELECT " + COLUMNS + FROM + " WHERE r.id = $1";
    /** The report, locked so decisions on it queue. */
    static final String LOCKED = BY_ID + " FOR UPDATE OF r";
    static final String BY_HASH_OR_URL = "SELECT " + COLUMNS + FROM + " WHERE r.text_hash = $1 OR r.url = $2 LIMIT 1";
    /**
     * Reports with a candidate no one has decided yet, oldest first, from one source when $1 is
     * given; $2 is the page size, $3/$4 the (created_at, id) the previous page ended at.
     */
    static final String PENDING = "SELECT " + COLUMNS + FROM + " " + """
             WHERE ($1::uuid IS NULL OR r.feed_source_id = $1)
               AND ($3::timestamptz IS NULL OR (r.created_at, r.id) > ($3, $4))
               AND jsonb_array_length(r.extraction -> 'candidates')
                   > (SELECT count(*) FROM incident.report_decisions d WHERE d.report_id = r.id)
             ORDER BY r.created_at, r.id
             LIMIT $2""";

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
    /** The live source the report came from, or null for a pasted one; then the fields below are null or false. */
    public UUID feedSourceId;
    public String feedItem;
    public String attribution;
    public boolean sample;
    public UUID revisesReport;
    /** The source's name and URL as stored now (read only). */
    public String feedName;
    public String feedUrl;

    Tuple insertValues() {
        return Tuple.from(new Object[] {id, textHash, url, outlet, publishedAt.atOffset(ZoneOffset.UTC), text, extraction, language,
                createdAt.atOffset(ZoneOffset.UTC), createdBy,
                feedSourceId, feedItem, attribution, sample, revisesReport});
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
        r.feedSourceId = row.getUUID("feed_source_id");
        r.feedItem = row.getString("feed_item");
        r.attribution = row.getString("attribution");
        r.sample = row.getBoolean("sample");
        r.revisesReport = row.getUUID("revises_report");
        r.feedName = row.getString("feed_name");
        r.feedUrl = row.getString("feed_url");
        return r;
    }
}
