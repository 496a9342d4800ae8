package org.incidentmap.incident.geocoder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** geocoding-service's forward geocoder, as much of it as this service reads. */
@RegisterRestClient(configKey = "geocoding")
@Path("/geocode")
interface GeocodingApi {

    @GET
    Uni<Places> geocode(@QueryParam("q") String q, @QueryParam("context") String context,
            @QueryParam("country") String country, @QueryParam("limit") int limit);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Places(List<Place> features) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Place(Geometry geometry, Properties properties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Geometry(String type, double[] coordinates) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Properties(String name, String admin1, String admin2, String country, Double score, String precision,
            Boolean ambiguous) {
    }
}
