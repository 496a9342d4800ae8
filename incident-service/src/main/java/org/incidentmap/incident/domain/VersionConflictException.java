package org.incidentmap.incident.domain;

/** The client revised a version of the incident that is no longer current. */
public class VersionConflictException extends RuntimeException {

    public VersionConflictException(int expected, int actual) {
        super("If-Match names version " + expected + " but the incident is at version " + actual);
    }
}
