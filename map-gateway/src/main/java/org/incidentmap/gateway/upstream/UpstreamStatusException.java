package org.incidentmap.gateway.upstream;

/** incident-service refused a proxied request; its status and problem document go back to the client as they are. */
public class UpstreamStatusException extends RuntimeException {

    private final int status;
    private final String contentType;
    private final String body;

    public UpstreamStatusException(int status, String contentType, String body) {
        super("incident-service answered " + status, null, false, false);
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public String body() {
        return body;
    }
}
