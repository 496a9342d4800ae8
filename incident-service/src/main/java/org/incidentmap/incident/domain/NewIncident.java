package org.incidentmap.incident.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.incidentmap.incident.store.Incident;

/**
 * A draft turned into the incident to store and the revision diff of its creation; shared by
 * single creates and bulk imports so both store exactly the same thing. {@code point} is the
 * position {@code incident.geometry} holds as GeoJSON, or null.
 */
public record NewIncident(Incident incident, Point point, String changes, List<SourceInput> sources,
        List<ClaimInput> claims) {

    public static NewIncident of(IncidentDraft draft, Instant now) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.createdAt = now;
        incident.updatedAt = now;
        IncidentFields f = draft.fields();
        IncidentMapping.applyAll(incident, f);
        if (incident.admin1 == null) {
            incident.admin1 = draft.geocodedAdmin1();
        }
        if (incident.admin2 == null) {
            incident.admin2 = draft.geocodedAdmin2();
        }
        IncidentCommands.place(incident, draft.point(),
                draft.geocodedPrecision() != null ? draft.geocodedPrecision() : f.geoPrecision(), draft.awaitGeocoder());
        String changes = ChangeSet.created(incident, draft.point()).toJson();
        return new NewIncident(incident, draft.point(), changes,
                f.sources() == null ? List.of() : f.sources(), f.claims() == null ? List.of() : f.claims());
    }
}
