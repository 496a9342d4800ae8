package org.incidentmap.gateway.upstream;

/** incident-service could not be reached or did not answer in time: a 503 the client retries. */
public class UpstreamUnavailableException extends RuntimeException {

    public UpstreamUnavailableException(String message) {
        super(message, null, false, false);
    }
}
