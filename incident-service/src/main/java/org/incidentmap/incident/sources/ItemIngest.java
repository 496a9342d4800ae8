package org.incidentmap.incident.sources;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.incidentmap.incident.review.FeedOrigin;
import org.incidentmap.incident.review.ReportRequests;
import org.incidentmap.incident.review.ReportReview;
import org.incidentmap.incident.review.ReportsConfig;

/**
 * Turns a source's items into reports through the one report submission path (extraction included).
 * An item already seen with the same text is skipped; one seen with other text becomes a new report
 * that names the earlier one, so its candidates are proposed as updates. Across sources the
 * submission path itself dedups by URL and text.
 */
@ApplicationScoped
class ItemIngest {

    /** What one fetch's items did: reports stored for new or changed items. */
    record Outcome(int newItems) {
    }

    private static final int MAX_URL = 2000;

    private final SourceStore store;
    private final ReportReview review;
    private final ReportsConfig reports;
    private final SourcesConfig config;
    private final Clock clock = Clock.systemUTC();

    ItemIngest(SourceStore store, ReportReview review, ReportsConfig reports, SourcesConfig config) {
        this.store = store;
        this.review = review;
        this.reports = reports;
        this.config = config;
    }

    /** Ingests the items in order; a failure (the geocoder down, say) stops it, and the next poll resumes where it stopped. */
    Uni<Outcome> ingest(FeedSource source, List<FeedItem> items) {
        int[] stored = {0};
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (FeedItem item : items) {
            chain = chain.chain(() -> stored[0] >= config.maxItemsPerFetch() ? Uni.createFrom().voidItem()
                    : one(source, item).invoke(created -> {
                        if (created) {
                            stored[0]++;
                        }
                    }).replaceWithVoid());
        }
        return chain.map(v -> new Outcome(stored[0]));
    }

    /** True when the item became a new report. */
    private Uni<Boolean> one(FeedSource source, FeedItem item) {
        String text = withinLimit(item.text());
        String hash = sha256(text);
        String key = item.key() != null && !item.key().isBlank() ? item.key() : "sha256:" + hash;
        return store.item(source.id(), key).chain(known -> {
            if (known != null && known.contentHash().equals(hash)) {
                return Uni.createFrom().item(false);
            }
            String url = item.url() != null && item.url().length() <= MAX_URL ? item.url() : null;
            // A changed item is another report of the same article: its URL gets a fragment naming
            // the revision, since the report store keeps one report per URL.
            String reportUrl = known == null || url == null ? url : url + "#revision-" + hash.substring(0, 12);
            Instant now = clock.instant();
            Instant published = item.publishedAt() == null || item.publishedAt().isAfter(now) ? now : item.publishedAt();
            var submission = new ReportRequests.Submission(text,
                    new ReportRequests.SourceRef(source.name(), reportUrl, OffsetDateTime.ofInstant(published, ZoneOffset.UTC)));
            var origin = new FeedOrigin(source.id(), key, source.attribution(), source.sample(),
                    known == null ? null : known.reportId());
            return review.submit(submission, "source:" + source.id(), origin).chain(s -> {
                UUID reportId = UUID.fromString(s.report().path("id").asText());
                Uni<Void> recorded = known == null
                        ? store.insertItem(source.id(), key, url, hash, reportId, now)
                        : store.changedItem(source.id(), key, hash, reportId, now);
                boolean publish = s.created() && source.autoPublishAbove() != null;
                return recorded.chain(v -> publish
                        ? review.autoPublish(reportId, source.autoPublishAbove(), "source:" + source.id()).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                        .map(v -> s.created());
            });
        });
    }

    /** The text cut to the report size limit at a character boundary. */
    private String withinLimit(String text) {
        int max = reports.maxTextBytes();
        if (text.getBytes(StandardCharsets.UTF_8).length <= max) {
            return text;
        }
        int end = Math.min(text.length(), max);
        while (end > 0 && text.substring(0, end).getBytes(StandardCharsets.UTF_8).length > max - 3) {
            end = Math.max(0, end - Math.max(1, (end / 10)));
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
