package org.incidentmap.incident.events;

/** The kinds of event the log records, as they appear on the wire. */
public enum EventKind {
    CREATED("incident.created"),
    UPDATED("incident.updated"),
    RETRACTED("incident.retracted");

    private final String wire;

    EventKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
