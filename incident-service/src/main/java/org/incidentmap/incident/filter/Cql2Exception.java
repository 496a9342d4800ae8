package org.incidentmap.incident.filter;

/**
 * A filter that cannot be run: bad syntax, an unknown property, mismatched types. In CQL2 text
 * {@code position} is the character (from 1) where the problem is; in CQL2 JSON {@code pointer}
 * is the JSON Pointer of the offending member.
 */
public class Cql2Exception extends RuntimeException {

    private final int position;
    private final String pointer;

    public Cql2Exception(int position, String message) {
        super(message, null, false, false);
        this.position = position;
        this.pointer = null;
    }

    Cql2Exception(String pointer, String message) {
        super(message, null, false, false);
        this.position = 0;
        this.pointer = pointer;
    }

    /** Thrown by a check called with no position; the JSON reader adds the pointer. */
    boolean unlocated() {
        return pointer == null && position == 0;
    }

    public int position() {
        return position;
    }

    /** Where the problem is, as a problem document says it: "character 16" or "/args/1/property". */
    public String where() {
        return pointer != null ? (pointer.isEmpty() ? "/" : pointer) : "character " + position;
    }
}
