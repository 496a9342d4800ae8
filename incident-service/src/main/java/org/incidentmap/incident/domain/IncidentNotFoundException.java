package org.incidentmap.incident.domain;

import java.util.UUID;

/** No incident has the requested id. */
public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(UUID id) {
        super("No incident " + id);
    }
}
