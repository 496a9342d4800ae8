package org.incidentmap.gateway.places;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.incidentmap.gateway.problem.BadParameterException;
import org.incidentmap.gateway.upstream.GeocodedPlace;
import org.incidentmap.gateway.upstream.GeocodingService;

/** {@code GET /api/places}: the map page's place search, completed by geocoding-service. */
@Path("/api/places")
public class PlacesResource {

    private static final Set<String> PARAMS = Set.of("q", "limit");

    private final GeocodingService geocoding;

    PlacesResource(GeocodingService geocoding) {
        this.geocoding = geocoding;
    }

    /** The places found, most important first. */
    public record Places(List<GeocodedPlace> places) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Places whose names start with q (any spelling the gazetteer knows), most important first,"
            + " with oblast (admin1), country, lat and lon")
    public Uni<Places> search(@Context UriInfo uri, @QueryParam("q") String q, @QueryParam("limit") String limit) {
        uri.getQueryParameters().keySet().stream().filter(name -> !PARAMS.contains(name)).findFirst().ifPresent(name -> {
            throw new BadParameterException(name, "unknown parameter " + name + "; known: " + PARAMS);
        });
        PlaceQuery query = PlaceQuery.parse(q, limit);
        return geocoding.complete(query.q())
                .map(places -> new Places(places.subList(0, Math.min(query.limit(), places.size()))));
    }
}
