package org.incidentmap.incident.review;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** An editor's decision on one candidate of a report; at most one per candidate. */
public class ReportDecision {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    static final String INSERT = """
            INSERT INTO incident.report_decisions (report_id, candidate, decision, reason, incident_id, decided_by, decided_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)""";
    private static final String COLUMNS = "report_id, candidate, decision, reason, incident_id, decided_by, decided_at";
    static final String OF_REPORT = "SELECT " + COLUMNS + " FROM incident.report_decisions WHERE report_id = $1 ORDER BY id";
    static final String OF_CANDIDATE = "SELECT " + COLUMNS
            + " FROM incident.report_decisions WHERE report_id = $1 AND candidate = $2";

    public UUID reportId;

    /** Index of the candidate in the report's extraction, from 0. */
    public int candidate;
    public String decision;
    public String reason;
    /** The incident created or updated by an acceptance. */
    public UUID incidentId;
    public String decidedBy;
    public Instant decidedAt;

    Tuple insertValues() {
        return Tuple.from(new Object[] {reportId, candidate, decision, reason, incidentId, decidedBy,
                decidedAt.atOffset(ZoneOffset.UTC)});
    }

    static ReportDecision from(Row row) {
        ReportDecision d = new ReportDecision();
        d.reportId = row.getUUID("report_id");
        d.candidate = row.getInteger("candidate");
        d.decision = row.getString("decision");
        d.reason = row.getString("reason");
        d.incidentId = row.getUUID("incident_id");
        d.decidedBy = row.getString("decided_by");
        d.decidedAt = row.getOffsetDateTime("decided_at").toInstant();
        return d;
    }
}
