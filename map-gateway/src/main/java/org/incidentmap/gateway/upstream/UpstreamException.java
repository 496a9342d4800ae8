package org.incidentmap.gateway.upstream;

/** incident-service answered something the gateway cannot use. */
public class UpstreamException extends RuntimeException {

    public UpstreamException(String message) {
        super(message);
    }
}
