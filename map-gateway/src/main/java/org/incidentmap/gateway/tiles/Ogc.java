package org.incidentmap.gateway.tiles;

import jakarta.ws.rs.core.UriInfo;

/** Where the OGC API answers for the request at hand, so that links point back at the address the client used. */
final class Ogc {

    private Ogc() {
    }

    static String base(UriInfo uri) {
        String root = uri.getBaseUri().toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/ogc";
    }
}
