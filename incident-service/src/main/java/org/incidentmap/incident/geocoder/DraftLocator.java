package org.incidentmap.incident.geocoder;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.incidentmap.incident.domain.IncidentDraft;
import org.incidentmap.incident.domain.IncidentFields;
import org.jboss.logging.Logger;

/**
 * Gives a new incident that has a place name but no coordinates the geocoder's point. When the
 * geocoder cannot be asked the incident is stored unresolved and {@link PendingGeocodes} resolves
 * it later, so nothing is lost and writes do not depend on the geocoder being up.
 */
@ApplicationScoped
public class DraftLocator {

    private static final Logger LOG = Logger.getLogger(DraftLocator.class);

    private final Geocoder geocoder;

    public DraftLocator(Geocoder geocoder) {
        this.geocoder = geocoder;
    }

    public Uni<IncidentDraft> complete(IncidentDraft draft) {
        IncidentFields f = draft.fields();
        if (draft.point() != null || f.placeName() == null || f.placeName().isBlank()) {
            return Uni.createFrom().item(draft);
        }
        return geocoder.locate(f.placeName(), f.admin1(), f.country())
                .map(found -> found
                        .map(place -> draft.locatedAt(place.point(), place.geoPrecision(), place.admin1(), place.admin2()))
                        .orElseGet(draft::unlocatable))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("geocoder unavailable (%s); %s stored unresolved for a later retry", e.toString(), f.placeName());
                    return draft;
                });
    }
}
