package org.incidentmap.incident.reports;

import java.util.List;
import org.incidentmap.incident.ingest.PlaceMention;
import org.incidentmap.incident.ingest.PlaceResolver;
import org.incidentmap.incident.ingest.ResolvedPlace;
import org.incidentmap.incident.ingest.geoparse.GeoparseResponse;
import org.incidentmap.incident.ingest.geoparse.GeoparseResults;

/**
 * Resolves the extractor's mentions from a {@code POST /geoparse} answer fetched beforehand (see
 * {@link Geoparser}), so resolution inside the synchronous extractor does no I/O.
 */
public record GeoparsePlaceResolver(GeoparseResponse answer) implements PlaceResolver {

    @Override
    public List<ResolvedPlace> resolve(String text, List<PlaceMention> mentions) {
        return GeoparseResults.toResolvedPlaces(mentions, answer);
    }
}
