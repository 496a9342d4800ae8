package org.incidentmap.gateway.upstream;

import java.time.Duration;

/** A service behind the gateway could not be reached or did not answer in time: a 503 the client retries. */
public class UpstreamUnavailableException extends RuntimeException {

    private final String service;
    private final Duration retryAfter;

    /** {@code service}: the one that is away, named in the problem; {@code retryAfter}: the 503's Retry-After. */
    public UpstreamUnavailableException(String service, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.service = service;
        this.retryAfter = retryAfter;
    }

    public String service() {
        return service;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
