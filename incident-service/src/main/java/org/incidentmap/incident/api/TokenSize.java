package org.incidentmap.incident.api;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an oversized bearer token with the 401 every bad token gets, before the JWT library
 * decodes and verifies it: a token is base64 of JSON, and decoding a large one for every request
 * costs memory and CPU an anonymous client should not be able to spend.
 */
class TokenSize {

    private final int maxBytes;

    TokenSize(ApiConfig config) {
        this.maxBytes = config.maxTokenBytes();
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    void check(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > maxBytes) {
            throw new AuthenticationFailedException("Authorization header over " + maxBytes + " bytes");
        }
    }
}
