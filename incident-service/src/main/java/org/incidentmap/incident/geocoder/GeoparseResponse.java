package org.incidentmap.incident.geocoder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Answer of {@code POST /geoparse}: every place name it found in the text. */
// geocoding-service adds fields to its answers over time; a reader of them must not break on one
@JsonIgnoreProperties(ignoreUnknown = true)
public record GeoparseResponse(List<GeoparseMention> mentions) {
}
