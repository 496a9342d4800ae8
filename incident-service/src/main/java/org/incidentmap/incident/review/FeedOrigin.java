package org.incidentmap.incident.review;

import java.util.UUID;

/**
 * Where a report that came from a live source came from: the source, the item's id in it, the
 * source's attribution or licence, whether the source is sample content, and the report of the
 * item's earlier text when the item changed (null for a first sighting).
 */
public record FeedOrigin(UUID sourceId, String item, String attribution, boolean sample, UUID revisesReport) {
}
