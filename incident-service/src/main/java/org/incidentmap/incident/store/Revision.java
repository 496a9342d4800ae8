package org.incidentmap.incident.store;

import static org.incidentmap.incident.store.Columns.Column.of;

import java.time.Instant;
import java.util.UUID;
import org.incidentmap.incident.store.Columns.Type;

/** One change to an incident: who made it, when, why, and what changed as a JSON diff ({"field":{"from":..,"to":..}}). */
public record Revision(UUID incidentId, int version, String author, Instant at, String reason, String changes) {

    public static final Columns<Revision> COLUMNS = new Columns<>("incident.revisions",
            of("incident_id", Type.UUID, Revision::incidentId),
            of("version", Type.INT4, Revision::version),
            of("author", Type.TEXT, Revision::author),
            of("at", Type.TIMESTAMPTZ, Revision::at),
            of("reason", Type.TEXT, Revision::reason),
            of("changes", Type.JSON_DOCUMENTS, Revision::changes));
}
