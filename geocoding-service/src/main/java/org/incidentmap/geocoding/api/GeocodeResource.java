package org.incidentmap.geocoding.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.incidentmap.geocoding.gazetteer.GazetteerStore;
import org.incidentmap.geocoding.match.Candidate;
import org.incidentmap.geocoding.match.GeocodeQuery;
import org.incidentmap.geocoding.match.Geocoder;
import org.incidentmap.geocoding.match.NameNormalizer;

/** Forward geocoding, batch, autocomplete and reverse geocoding. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class GeocodeResource {

    private static final int DEFAULT_LIMIT = 5;
    private static final int AUTOCOMPLETE_LIMIT = 10;
    private static final double MAX_LAT = 90;
    private static final double MAX_LON = 180;

    private final Geocoder geocoder;
    private final GazetteerStore store;
    private final Inputs inputs;

    GeocodeResource(Geocoder geocoder, GazetteerStore store, Inputs inputs) {
        this.geocoder = geocoder;
        this.store = store;
        this.inputs = inputs;
    }

    /** One request of a batch. */
    public record BatchQuery(String q, String context, String country) {
    }

    /** A batch of queries, answered in order. */
    public record BatchRequest(List<BatchQuery> queries) {
    }

    public record BatchResponse(List<GeoJson.FeatureCollection> results) {
    }

    @GET
    @Path("geocode")
    public Uni<GeoJson.FeatureCollection> geocode(@Context UriInfo uri, @QueryParam("q") String q,
            @QueryParam("context") String context, @QueryParam("country") String country,
            @QueryParam("limit") String limit) {
        inputs.onlyParameters(uri, Set.of("q", "context", "country", "limit"));
        GeocodeQuery query = new GeocodeQuery(inputs.query("q", q), inputs.text("context", context),
                inputs.country(country));
        return geocoder.geocode(query, inputs.limit(limit, DEFAULT_LIMIT)).map(GeoJson.FeatureCollection::of);
    }

    @POST
    @Path("geocode/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<BatchResponse> batch(BatchRequest request) {
        if (request == null) {
            throw new BadRequest("body", "a JSON object with the queries is required");
        }
        inputs.batch("queries", request.queries());
        List<GeocodeQuery> queries = new ArrayList<>();
        for (int i = 0; i < request.queries().size(); i++) {
            BatchQuery b = request.queries().get(i);
            String prefix = "queries[" + i + "].";
            if (b == null) {
                throw new BadRequest("queries[" + i + "]", "query must be an object");
            }
            queries.add(new GeocodeQuery(inputs.query(prefix + "q", b.q()),
                    inputs.text(prefix + "context", b.context()), inputs.country(b.country())));
        }
        return geocoder.geocodeAll(queries, 1).map(results -> new BatchResponse(
                results.stream().map(GeoJson.FeatureCollection::of).toList()));
    }

    @GET
    @Path("autocomplete")
    public Uni<GeoJson.FeatureCollection> autocomplete(@Context UriInfo uri, @QueryParam("q") String q) {
        inputs.onlyParameters(uri, Set.of("q"));
        String prefix = NameNormalizer.normalise(inputs.query("q", q)).stream().findFirst().orElse("");
        if (prefix.isEmpty()) {
            throw new BadRequest("q", "q must contain letters or digits");
        }
        return store.prefix(prefix, AUTOCOMPLETE_LIMIT).map(hits -> new GeoJson.FeatureCollection("FeatureCollection",
                hits.stream().map(h -> GeoJson.feature(new Candidate(h.place(), h.matchedName(), h.place().importance(),
                        h.place().isRegion() ? "region" : "settlement", false))).toList()));
    }

    @GET
    @Path("reverse")
    public Uni<GeoJson.FeatureCollection> reverse(@Context UriInfo uri, @QueryParam("lat") String lat,
            @QueryParam("lon") String lon) {
        inputs.onlyParameters(uri, Set.of("lat", "lon"));
        double latitude = inputs.coordinate("lat", lat, MAX_LAT);
        double longitude = inputs.coordinate("lon", lon, MAX_LON);
        return store.nearest(latitude, longitude).map(nearest -> {
            if (nearest == null) {
                return new GeoJson.FeatureCollection("FeatureCollection", List.of());
            }
            var props = GeoJson.properties(nearest.place(), nearest.place().name());
            props.put("precision", "settlement");
            props.put("distanceMeters", Math.round(nearest.meters()));
            return new GeoJson.FeatureCollection("FeatureCollection",
                    List.of(new GeoJson.Feature("Feature", GeoJson.Point.of(nearest.place()), props)));
        });
    }
}
