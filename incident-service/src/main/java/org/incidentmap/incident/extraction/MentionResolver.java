package org.incidentmap.incident.extraction;

import java.util.List;

/**
 * Ties place mentions to coordinates. The production implementation calls geocoding-service's
 * {@code POST /geoparse} (the whole text gives each name its context); see
 * {@link org.incidentmap.incident.geocoder.GeoparseResults} for the mapping of its answer.
 */
public interface MentionResolver {

    /**
     * @param text     the full report text, so a resolver can use the other places as context
     * @param mentions candidate names the extractor found, in text order
     * @return the mentions it could resolve; an unresolved mention is simply absent
     */
    List<ResolvedPlace> resolve(String text, List<PlaceMention> mentions);
}
