package org.incidentmap.geocoding.api;

/** Input the API refuses, naming the field; becomes a 400 problem+json. */
public class BadRequest extends RuntimeException {

    private final String field;

    public BadRequest(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
