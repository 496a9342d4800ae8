package org.incidentmap.incident.domain;

/** A validated new incident: its properties and its position (null when only a place name is known). */
public record IncidentDraft(IncidentFields fields, Point point) {
}
