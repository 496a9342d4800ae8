package org.incidentmap.gateway.upstream;

/** A vector tile as incident-service made it, with the event log seq its rows reflect. */
public record IncidentTile(byte[] mvt, long seq) {
}
