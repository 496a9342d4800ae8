package org.incidentmap.incident.store;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;
import org.incidentmap.incident.domain.ClaimInput;
import org.incidentmap.incident.store.Columns.Column;
import org.incidentmap.incident.store.Columns.Type;

/** Figures attributed to a claimant, kept apart from the incident's own best estimate. */
public record Claim(UUID incidentId, String claimant, Integer killed, boolean killedAtLeast, Integer injured,
        boolean injuredAtLeast, String statement, String sourceUrl, Instant addedAt) {

    /** In insertion order: the serial id a claim gets is the order the Feature lists it in. */
    public static final Columns<Claim> COLUMNS = new Columns<>("incident.claims",
            Column.of("incident_id", Type.UUID, Claim::incidentId),
            Column.of("claimant", Type.TEXT, Claim::claimant),
            Column.of("killed", Type.INT4, Claim::killed),
            Column.of("killed_at_least", Type.BOOL, Claim::killedAtLeast),
            Column.of("injured", Type.INT4, Claim::injured),
            Column.of("injured_at_least", Type.BOOL, Claim::injuredAtLeast),
            Column.of("statement", Type.TEXT, Claim::statement),
            Column.of("source_url", Type.TEXT, Claim::sourceUrl),
            Column.of("added_at", Type.TIMESTAMPTZ, Claim::addedAt));

    static final String OF_INCIDENT = """
            SELECT incident_id, claimant, killed, killed_at_least, injured, injured_at_least, statement, source_url,
                added_at
            FROM incident.claims WHERE incident_id = $1 ORDER BY id""";

    public static Claim of(UUID incidentId, ClaimInput in, Instant addedAt) {
        return new Claim(incidentId, in.claimant(), in.killed(), Boolean.TRUE.equals(in.killedAtLeast()), in.injured(),
                Boolean.TRUE.equals(in.injuredAtLeast()), in.statement(), in.sourceUrl(), addedAt);
    }

    static Claim from(Row row) {
        return new Claim(row.getUUID("incident_id"), row.getString("claimant"), row.getInteger("killed"),
                row.getBoolean("killed_at_least"), row.getInteger("injured"), row.getBoolean("injured_at_least"),
                row.getString("statement"), row.getString("source_url"), row.getOffsetDateTime("added_at").toInstant());
    }
}
