package org.incidentmap.incident.domain;

import java.util.List;

/** Input the service refuses; nothing has been written when it is thrown. */
public class InvalidInputException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public InvalidInputException(int status, String title, List<FieldError> errors) {
        super(title + ": " + errors);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(List<FieldError> errors) {
        this(400, "Invalid input", errors);
    }

    public static InvalidInputException of(String field, String detail) {
        return new InvalidInputException(List.of(new FieldError(field, detail)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
