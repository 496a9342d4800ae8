package org.incidentmap.incident.geocoder;

import java.util.List;
import org.incidentmap.incident.extraction.PlaceMention;
import org.incidentmap.incident.extraction.MentionResolver;
import org.incidentmap.incident.extraction.ResolvedPlace;

/**
 * Resolves the extractor's mentions from a {@code POST /geoparse} answer fetched beforehand (see
 * {@link Geoparser}), so resolution inside the synchronous extractor does no I/O.
 */
public record GeoparseMentionResolver(GeoparseResponse answer) implements MentionResolver {

    @Override
    public List<ResolvedPlace> resolve(String text, List<PlaceMention> mentions) {
        return GeoparseResults.toResolvedPlaces(mentions, answer);
    }
}
