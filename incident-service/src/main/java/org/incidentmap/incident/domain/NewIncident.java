package org.incidentmap.incident.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.incidentmap.incident.store.Claim;
import org.incidentmap.incident.store.Incident;
import org.incidentmap.incident.store.IncidentFeature;
import org.incidentmap.incident.store.Source;

/**
 * A draft turned into the rows to store, the revision diff of its creation and its Feature; shared
 * by single creates and bulk imports so both store and announce exactly the same thing.
 */
public record NewIncident(Incident incident, String changes, List<Source> sources, List<Claim> claims,
        String feature) {

    /** {@code now} must be what the database keeps: to the microsecond. */
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
        String changes = ChangeSet.created(incident).toJson();
        List<Source> sources = f.sources() == null ? List.of()
                : f.sources().stream().map(s -> Source.of(incident.id, s, now)).toList();
        List<Claim> claims = f.claims() == null ? List.of()
                : f.claims().stream().map(c -> Claim.of(incident.id, c, now)).toList();
        return new NewIncident(incident, changes, sources, claims, IncidentFeature.of(incident, sources, claims));
    }
}
