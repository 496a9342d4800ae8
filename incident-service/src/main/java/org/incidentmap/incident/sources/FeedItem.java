package org.incidentmap.incident.sources;

import java.time.Instant;

/**
 * One item of a feed as text: {@code key} is the feed's own id for it (guid, entry id, message id;
 * its link when it has none), {@code publishedAt} may be null when the feed gives no date.
 */
record FeedItem(String key, String url, String text, Instant publishedAt) {
}
