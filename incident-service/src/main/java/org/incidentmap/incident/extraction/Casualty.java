package org.incidentmap.incident.extraction;

/** One casualty figure found in the text: who was counted and how. */
record Casualty(Kind kind, long count, boolean atLeast, Subject subject, int start, int end) {

    enum Kind { KILLED, INJURED }

    /** Military figures are a side's claim about losses, not a civilian toll at a place. */
    enum Subject { CIVILIAN_OR_UNSPECIFIED, MILITARY }
}
