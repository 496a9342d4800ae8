package org.incidentmap.incident.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.domain.IncidentCommands;
import org.incidentmap.incident.domain.IncidentNotFoundException;
import org.incidentmap.incident.requests.IncidentRequests;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.filter.Queryables;
import org.incidentmap.incident.geocoder.DraftLocator;
import org.incidentmap.incident.store.Crs;
import org.incidentmap.incident.store.IncidentQueries;
import org.incidentmap.incident.store.IncidentStream;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;

/** Commands and reads of single incidents. Reads are public; writes need a reporter or editor token. */
@Path("/incidents")
public class IncidentResource {

    static final String GEO_JSON = "application/geo+json";
    static final String CSV = "text/csv";
    static final String KML = "application/vnd.google-earth.kml+xml";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String SCHEMA_JSON = "application/schema+json";
    /** OGC API – Features Part 2's header naming the CRS of a response's coordinates. */
    static final String CONTENT_CRS = "Content-Crs";
    private static final java.util.Set<String> LIST_PARAMS = java.util.Set.of(
            "bbox", "datetime", "eventType", "status", "admin1", "minKilled", "filter", "filter-lang", "limit", "cursor",
            "count", "f", "sortby", "crs", "bbox-crs");

    private final IncidentRequests requests;
    private final IncidentCommands commands;
    private final IncidentQueries queries;
    private final IncidentStream stream;
    private final DraftLocator places;
    private final ApiConfig config;
    private final JsonWebToken caller;
    private final ObjectMapper mapper;

    IncidentResource(IncidentRequests requests, IncidentCommands commands, IncidentQueries queries,
            IncidentStream stream, DraftLocator places, ApiConfig config, JsonWebToken caller, ObjectMapper mapper) {
        this.mapper = mapper;
        this.places = places;
        this.requests = requests;
        this.commands = commands;
        this.queries = queries;
        this.stream = stream;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({"reporter", "editor"})
    @Consumes({MediaType.APPLICATION_JSON, GEO_JSON})
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> create(byte[] body) {
        var draft = requests.create(body);
        return places.complete(draft).chain(located -> commands.create(located, caller.getName())).map(r -> RestResponse.ResponseBuilder
                .<String>create(RestResponse.Status.CREATED)
                .location(URI.create("/incidents/" + r.id()))
                .tag(Integer.toString(r.version()))
                .entity(r.feature())
                .build());
    }

    /**
     * A GeoJSON FeatureCollection streamed from the database (or CSV when the client accepts
     * text/csv or asks f=csv, KML when it asks f=kml), newest first, with a next link while more incidents match. No
     * {@code @Produces}: the media type is chosen per request, which Quarkus REST allows for RestMulti only.
     * {@code count=true} adds "numberMatched"; next links leave it out, so a client paging through
     * pays for one count rather than one per page.
     */
    @GET
    public RestMulti<Buffer> list(@Context UriInfo uri, @HeaderParam("Accept") String accept) {
        var query = uri.getQueryParameters();
        ListParams.rejectUnknown(query, LIST_PARAMS);
        var filter = ListParams.filter(query);
        var order = ListParams.sortBy(query.getFirst("sortby"));
        var crs = ListParams.crs("crs", query.getFirst("crs"));
        var cursor = ListParams.cursor(query.getFirst("cursor"), order);
        int limit = (int) QueryParams.longValue("limit", query.getFirst("limit"), config.defaultLimit(), 1, config.maxLimit());
        String f = query.getFirst("f");
        boolean kml = "kml".equals(f);
        boolean csv = !kml && ("csv".equals(f) || accept != null && accept.contains(CSV));
        if (f != null && !csv && !kml && !"json".equals(f)) {
            throw InvalidInputException.of("f", "must be json, csv or kml");
        }
        boolean count = ListParams.count(query.getFirst("count"));
        if ((csv || kml) && count) {
            throw InvalidInputException.of("count", "numberMatched is a GeoJSON member; CSV and KML have no place for it");
        }
        if ((csv || kml) && crs != Crs.CRS84) {
            throw InvalidInputException.of("crs", "CSV and KML give longitude and latitude in degrees (CRS84); "
                    + "other coordinate reference systems are GeoJSON only");
        }
        if (kml) {
            return RestMulti.fromMultiData(stream.kml(filter, order, cursor, limit)).encodeAsJsonArray(false)
                    .header("Content-Type", KML + "; charset=utf-8").build();
        }
        var body = csv ? stream.csv(filter, order, cursor, limit)
                : stream.featureCollection(filter, order, cursor, limit, count, crs, pageLinks(uri));
        return RestMulti.fromMultiData(body).encodeAsJsonArray(false).header("Content-Type", csv ? CSV + "; charset=utf-8" : GEO_JSON)
                .header(CONTENT_CRS, "<" + crs.uri() + ">").build();
    }

    /** The page's links leave "count" out: a client following them pays for one count, not one per page. */
    private static IncidentStream.PageLinks pageLinks(UriInfo uri) {
        return new IncidentStream.PageLinks(
                uri.getRequestUriBuilder().replaceQueryParam("count").build().toString(),
                uri.getRequestUriBuilder().replaceQueryParam("count").replaceQueryParam("f", "csv").build().toString(),
                next -> uri.getRequestUriBuilder().replaceQueryParam("cursor", next).replaceQueryParam("count").build().toString());
    }

    /**
     * The properties a {@code filter} may name, as a JSON Schema; the gateway serves it as the
     * collection's queryables with its own {@code $id}.
     */
    @GET
    @Path("/queryables")
    @Produces(SCHEMA_JSON)
    public Uni<String> queryables(@Context UriInfo uri) throws JsonProcessingException {
        return Uni.createFrom().item(mapper.writeValueAsString(Queryables.schema(uri.getRequestUri().toString())));
    }

    @GET
    @Path("/{id}")
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> get(@PathParam("id") String id, @QueryParam("crs") String crsUri) {
        var uuid = IncidentRequests.id(id);
        var crs = ListParams.crs("crs", crsUri);
        return queries.feature(uuid, crs)
                .onItem().ifNull().failWith(() -> new IncidentNotFoundException(uuid))
                .map(f -> RestResponse.ResponseBuilder.ok(f.feature()).tag(Integer.toString(f.version()))
                        .header(CONTENT_CRS, "<" + crs.uri() + ">").build());
    }

    @GET
    @Path("/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> history(@PathParam("id") String id) {
        var uuid = IncidentRequests.id(id);
        return queries.history(uuid).onItem().ifNull().failWith(() -> new IncidentNotFoundException(uuid));
    }

    /**
     * Revises an incident from flat JSON or a partial GeoJSON Feature, either read as a JSON merge
     * patch (so application/merge-patch+json fits as well as application/json or geo+json); the
     * version revised comes in If-Match.
     */
    @PATCH
    @Path("/{id}")
    @RolesAllowed("editor")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON, GEO_JSON})
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> revise(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, byte[] body) {
        var uuid = IncidentRequests.id(id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new InvalidInputException(428, "Precondition required", List.of(new FieldError("If-Match",
                    "send the version you revise, as GET /incidents/{id} gives it in its ETag")));
        }
        int version = IncidentRequests.version(ifMatch);
        var patch = requests.patch(uuid, body);
        return commands.revise(uuid, version, patch, caller.getName()).map(IncidentResource::ok);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed("editor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> status(@PathParam("id") String id, byte[] body) {
        var uuid = IncidentRequests.id(id);
        var change = requests.status(body);
        return commands.changeStatus(uuid, change.status(), change.reason(), caller.getName()).map(IncidentResource::ok);
    }

    @POST
    @Path("/{id}/sources")
    @RolesAllowed({"reporter", "editor"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> addSource(@PathParam("id") String id, byte[] body) {
        var uuid = IncidentRequests.id(id);
        var source = requests.source(body);
        return commands.addSource(uuid, source, caller.getName()).map(IncidentResource::ok);
    }

    @POST
    @Path("/{id}/claims")
    @RolesAllowed({"reporter", "editor"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(GEO_JSON)
    public Uni<RestResponse<String>> addClaim(@PathParam("id") String id, byte[] body) {
        var uuid = IncidentRequests.id(id);
        var claim = requests.claim(body);
        return commands.addClaim(uuid, claim, caller.getName()).map(IncidentResource::ok);
    }

    private static RestResponse<String> ok(IncidentCommands.Result r) {
        return RestResponse.ResponseBuilder.ok(r.feature()).tag(Integer.toString(r.version())).build();
    }
}
