package org.incidentmap.gateway.upstream;

/** incident-service refused a proxied request; its status and problem document go back to the client as they are. */
public class UpstreamStatusException extends RuntimeException {

    private final int status;
    private final String contentType;
    private final String body;
    private final String retryAfter;

    /** {@code retryAfter}: incident-service's Retry-After header, passed on with its 503 or 429; may be null. */
    public UpstreamStatusException(int status, String contentType, String body, String retryAfter) {
        super("incident-service answered " + status, null, false, false);
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.retryAfter = retryAfter;
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

    public String retryAfter() {
        return retryAfter;
    }
}
