package org.incidentmap.incident.store;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.incidentmap.incident.domain.SourceInput;
import org.incidentmap.incident.store.Columns.Column;
import org.incidentmap.incident.store.Columns.Type;

/**
 * A report an incident rests on: outlet, link, publication time and the quoted passage, and whether
 * it was published by the extractor unreviewed and whether it is sample content.
 */
public record Source(UUID incidentId, String outlet, String url, Instant publishedAt, String excerpt, Instant addedAt,
        boolean machineExtracted, boolean sample) {

    public Source(UUID incidentId, String outlet, String url, Instant publishedAt, String excerpt, Instant addedAt) {
        this(incidentId, outlet, url, publishedAt, excerpt, addedAt, false, false);
    }


    /** In insertion order: the serial id a source gets is the order the Feature lists it in. */
    public static final Columns<Source> COLUMNS = new Columns<>("incident.sources",
            Column.of("incident_id", Type.UUID, Source::incidentId),
            Column.of("outlet", Type.TEXT, Source::outlet),
            Column.of("url", Type.TEXT, Source::url),
            Column.of("published_at", Type.TIMESTAMPTZ, Source::publishedAt),
            Column.of("excerpt", Type.TEXT, Source::excerpt),
            Column.of("added_at", Type.TIMESTAMPTZ, Source::addedAt),
            Column.of("machine_extracted", Type.BOOL, Source::machineExtracted),
            Column.of("sample", Type.BOOL, Source::sample));

    static final String OF_INCIDENT = """
            SELECT incident_id, outlet, url, published_at, excerpt, added_at, machine_extracted, sample FROM incident.sources
            WHERE incident_id = $1 ORDER BY id""";

    /** The source as stored: PostgreSQL keeps times to the microsecond, so the Feature shows them so. */
    public static Source of(UUID incidentId, SourceInput in, Instant addedAt) {
        return new Source(incidentId, in.outlet(), in.url(), in.publishedAt() == null ? null : micros(in.publishedAt()),
                in.excerpt(), addedAt, Boolean.TRUE.equals(in.machineExtracted()), Boolean.TRUE.equals(in.sample()));
    }

    static Source from(Row row) {
        OffsetDateTime published = row.getOffsetDateTime("published_at");
        return new Source(row.getUUID("incident_id"), row.getString("outlet"), row.getString("url"),
                published == null ? null : published.toInstant(), row.getString("excerpt"),
                row.getOffsetDateTime("added_at").toInstant(), row.getBoolean("machine_extracted"), row.getBoolean("sample"));
    }

    private static Instant micros(OffsetDateTime t) {
        return t.toInstant().truncatedTo(ChronoUnit.MICROS);
    }
}
