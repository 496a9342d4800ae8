package org.incidentmap.geocoding.match;

/** One name to resolve, with optional free-text context and ISO country filter. */
public record GeocodeQuery(String q, String context, String country) {
}
