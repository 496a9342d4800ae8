package org.incidentmap.incident.geocoder;

import java.util.List;

/** Answer of {@code POST /geoparse}: every place name it found in the text. */
public record GeoparseResponse(List<GeoparseMention> mentions) {
}
