package org.incidentmap.incident.domain;

/** One rejected input value: the JSON path of the field (or the query parameter) and why. */
public record FieldError(String field, String detail) {
}
