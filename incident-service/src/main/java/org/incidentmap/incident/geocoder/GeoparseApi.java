package org.incidentmap.incident.geocoder;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** geocoding-service's place-name finder (its URL is incident.geocoding.url). */
@RegisterRestClient(configKey = "geoparse")
@Path("/geoparse")
interface GeoparseApi {

    @POST
    Uni<GeoparseResponse> geoparse(GeoparseRequest request);
}
