package org.incidentmap.incident.geocoder;

import java.util.ArrayList;
import java.util.List;

import org.incidentmap.incident.extraction.GeoPrecision;
import org.incidentmap.incident.extraction.PlaceMention;
import org.incidentmap.incident.extraction.ResolvedPlace;

/**
 * Maps a {@code /geoparse} answer onto the extractor's mentions, for a {@code MentionResolver} that calls
 * the service. A geoparse mention overlapping one of ours resolves it (keeping our region and country
 * hints); one we did not propose is added as found by the service, since its gazetteer knows more names.
 */
public final class GeoparseResults {

    private GeoparseResults() {
    }

    public static List<ResolvedPlace> toResolvedPlaces(List<PlaceMention> ours, GeoparseResponse response) {
        List<ResolvedPlace> out = new ArrayList<>();
        if (response == null || response.mentions() == null) {
            return out;
        }
        for (GeoparseMention g : response.mentions()) {
            if (g.place() == null || g.place().geometry() == null || g.place().properties() == null) {
                continue;
            }
            PlaceMention mention = ours.stream().filter(m -> m.start() < g.end() && g.start() < m.end()).findFirst()
                    .orElseGet(() -> new PlaceMention(g.text(), g.start(), g.end(), false, null));
            PlaceFeature.Properties p = g.place().properties();
            List<Double> lonLat = g.place().geometry().coordinates();
            out.add(new ResolvedPlace(mention, p.name(), lonLat.get(0), lonLat.get(1),
                    GeoPrecision.fromWire(p.precision()), p.admin1(), p.country(),
                    g.incidentLocation() && g.placeKind()));
        }
        return out;
    }
}
