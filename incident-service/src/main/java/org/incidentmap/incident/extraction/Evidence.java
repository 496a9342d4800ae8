package org.incidentmap.incident.extraction;

/** A sentence of the report that supports a candidate, with its character offsets. */
public record Evidence(int start, int end, String text) {
}
