package org.incidentmap.gateway.features;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.incidentmap.gateway.problem.BadParameterException;
import org.incidentmap.gateway.problem.Params;
import org.incidentmap.gateway.upstream.IncidentService;
import org.incidentmap.gateway.upstream.UpstreamStatusException;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * OGC API – Features Part 1 (Core, GeoJSON) at {@code /ogc}. Metadata documents are built here;
 * items stream through from incident-service chunk by chunk with their links rewritten to the gateway's.
 */
@Path("/ogc")
public class OgcResource {

    static final String GEO_JSON = "application/geo+json";
    static final String CSV = "text/csv; charset=utf-8";
    static final String KML = "application/vnd.google-earth.kml+xml; charset=utf-8";
    /** Downloads incident-service writes itself: the {@code f} value and the media type. */
    private static final Map<String, String> DOWNLOADS = Map.of("csv", CSV, "kml", KML);
    private static final Set<String> ITEM_PARAMS = Set.of(
            "bbox", "datetime", "limit", "cursor", "sortby", "f", "eventType", "status", "admin1", "minKilled",
            "filter", "filter-lang", "filter-crs", "crs", "bbox-crs");
    private static final String CRS84 = OgcDocuments.CRS84;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");

    private static final Set<String> OBLAST_STATS_PARAMS = Set.of(
            "bbox", "datetime", "limit", "f", "eventType", "status", "minKilled", "crs", "bbox-crs");
    /** OGC API – Features Part 2's header naming the CRS of a response's coordinates. */
    static final String CONTENT_CRS = "Content-Crs";
    private static final int OBLAST_STATS_MAX_LIMIT = 10_000;

    private final IncidentService incidents;
    private final OgcDocuments documents;
    private final OblastStatsLayer oblastStats;

    OgcResource(IncidentService incidents, OgcDocuments documents, OblastStatsLayer oblastStats) {
        this.incidents = incidents;
        this.documents = documents;
        this.oblastStats = oblastStats;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> landing(@Context UriInfo uri) {
        return documents.landing(base(uri));
    }

    @GET
    @Path("/api")
    @Produces("application/vnd.oai.openapi+json;version=3.0")
    public ObjectNode api(@Context UriInfo uri) {
        return documents.api(base(uri));
    }

    @GET
    @Path("/conformance")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> conformance() {
        return documents.conformance();
    }

    @GET
    @Path("/collections")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> collections(@Context UriInfo uri) {
        return documents.collections(base(uri));
    }

    @GET
    @Path("/collections/{collection}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> collection(@Context UriInfo uri, @PathParam("collection") String collection) {
        if (OgcDocuments.OBLAST_STATS.equals(collection)) {
            return documents.oblastStats(base(uri));
        }
        requireIncidents(collection);
        return documents.incidents(base(uri));
    }

    @GET
    @Path("/collections/" + OgcDocuments.OBLAST_STATS + "/items")
    public Uni<Response> oblastStatsItems(@Context UriInfo uri) {
        MultiMap filters = MultiMap.caseInsensitiveMultiMap();
        double[] bbox = null;
        int limit = OBLAST_STATS_MAX_LIMIT;
        for (var param : uri.getQueryParameters().entrySet()) {
            String name = param.getKey();
            String value = param.getValue().isEmpty() ? "" : param.getValue().get(0);
            if (!OBLAST_STATS_PARAMS.contains(name)) {
                throw new BadParameterException(name, "unknown parameter " + name + "; known: " + OBLAST_STATS_PARAMS);
            }
            switch (name) {
                case "f" -> requireJson(value, "f must be json");
                case "bbox" -> bbox = Params.bbox("bbox", value);
                case "limit" -> limit = limit(value);
                // the totals are computed at CRS84 centroids, the only CRS this layer is offered in
                case "crs", "bbox-crs" -> requireCrs84(name, value);
                default -> filters.add(name, value);
            }
        }
        String self = base(uri) + "/collections/" + OgcDocuments.OBLAST_STATS + "/items"
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return oblastStats.items(filters, bbox, limit, self, base(uri))
                .map(doc -> Response.ok(doc).type(GEO_JSON).header(CONTENT_CRS, "<" + CRS84 + ">").build());
    }

    @GET
    @Path("/collections/" + OgcDocuments.OBLAST_STATS + "/items/{oblast}")
    public Uni<Response> oblastStatsItem(@Context UriInfo uri, @PathParam("oblast") String oblast,
            @QueryParam("crs") String crs) {
        if (crs != null) {
            requireCrs84("crs", crs);
        }
        return oblastStats.item(oblast, base(uri)).map(feature -> {
            if (feature == null) {
                throw new jakarta.ws.rs.NotFoundException("no oblast " + oblast);
            }
            return Response.ok(feature).type(GEO_JSON).header(CONTENT_CRS, "<" + CRS84 + ">").build();
        });
    }

    /** The properties a filter may name, as incident-service, which owns them, lists them. */
    @GET
    @Path("/collections/{collection}/queryables")
    public Uni<Response> queryables(@Context UriInfo uri, @PathParam("collection") String collection) {
        requireIncidents(collection);
        return incidents.queryables().map(schema -> Response.ok(documents.queryables(schema, base(uri)))
                .type(OgcDocuments.SCHEMA_JSON).build());
    }

    /**
     * No {@code @Produces}: GIS clients send assorted Accept headers and always get GeoJSON, unless
     * they ask {@code f=csv} (incident-service's ACLED columns; the map page's "download this view") or
     * {@code f=kml} (the same columns as KML placemarks, for Google Earth).
     */
    @GET
    @Path("/collections/{collection}/items")
    public RestMulti<Buffer> items(@Context UriInfo uri, @PathParam("collection") String collection) {
        requireIncidents(collection);
        MultiMap query = MultiMap.caseInsensitiveMultiMap();
        String[] download = {null};
        uri.getQueryParameters().forEach((name, values) -> {
            if (!ITEM_PARAMS.contains(name)) {
                throw new BadParameterException(name, "unknown parameter " + name + "; known: " + ITEM_PARAMS);
            }
            if ("f".equals(name) && !values.isEmpty()) {
                download[0] = DOWNLOADS.containsKey(values.get(0)) ? values.get(0) : null;
                if (download[0] == null) {
                    requireJson(values.get(0), "f must be json, csv or kml");
                }
            }
            // a filter's coordinates are CRS84, the only CRS offered; incident-service needs not be told
            if ("filter-crs".equals(name)) {
                values.forEach(v -> requireCrs84(name, v));
            }
            if (!"f".equals(name) && !"filter-crs".equals(name)) {
                values.forEach(v -> query.add(name, v));
            }
        });
        if (download[0] != null) {
            query.add("f", download[0]);
            String type = DOWNLOADS.get(download[0]);
            return proxy(incidents.open("/incidents", query, type.substring(0, type.indexOf(';'))), List.of(), type, null);
        }
        // numberMatched on the first page, where GDAL and QGIS read a layer's feature count; the
        // pages after it leave it out (incident-service's next links do not ask again), so paging
        // through the layer costs one count, not one per page.
        String cursor = query.get("cursor");
        if (cursor == null || cursor.isBlank()) {
            query.add("count", "true");
        }
        // incident-service's self, alternate and next links all become the gateway's, with or without a query
        LinkRewriter links = new LinkRewriter("\"href\":\"" + incidents.baseUrl() + "/incidents",
                "\"href\":\"" + base(uri) + "/collections/incidents/items");
        // the page's one "links" member (a feature has none in a listing, and a key inside a JSON
        // string has its quotes escaped) gains the collection link incident-service cannot know
        LinkRewriter collectionLink = new LinkRewriter("\"links\":[", "\"links\":[" + documents.incidentsCollectionLink(base(uri)) + ",");
        // incident-service checks the crs; its answer's Content-Crs cannot be copied, since the
        // headers go out before it arrives, so the gateway names the CRS asked for
        String crs = query.get("crs") == null ? CRS84 : query.get("crs");
        return proxy(incidents.open("/incidents", query, GEO_JSON), List.of(links, collectionLink), GEO_JSON, crs);
    }

    /** One incident, small enough to read whole, with the links OGC API – Features asks of a feature. */
    @GET
    @Path("/collections/{collection}/items/{id}")
    public Uni<Response> item(@Context UriInfo uri, @PathParam("collection") String collection, @PathParam("id") String id,
            @QueryParam("crs") String crs) {
        requireIncidents(collection);
        if (!UUID.matcher(id).matches()) {
            throw new BadParameterException("id", "id must be an incident UUID");
        }
        String contentCrs = crs == null ? CRS84 : crs;
        return incidents.incident(id, crs).map(feature -> Response.ok(documents.withIncidentLinks(feature, base(uri), contentCrs))
                .type(GEO_JSON).header(CONTENT_CRS, "<" + contentCrs + ">").build());
    }

    /**
     * Streams a 200 answer through chunk by chunk (GeoJSON cut between tokens, the text downloads at
     * line ends); any other answer is read whole (it is a small
     * problem document) and passed on with its status before anything has been written.
     */
    private static RestMulti<Buffer> proxy(Uni<HttpClientResponse> upstream, List<LinkRewriter> rewriters, String contentType,
            String crs) {
        Multi<Buffer> body = upstream.onItem().transformToMulti(response -> {
            if (response.statusCode() != 200) {
                return response.body().onItem().<Buffer>transformToMulti(problem -> Multi.createFrom().failure(
                        new UpstreamStatusException(response.statusCode(), response.getHeader("Content-Type"),
                                problem.toString(), response.getHeader("Retry-After"))));
            }
            if (rewriters.isEmpty()) {
                return LineChunks.cut(response.toMulti());
            }
            Multi<Buffer> chunks = response.toMulti();
            for (LinkRewriter rewriter : rewriters) {
                chunks = rewriter.rewrite(chunks);
            }
            return chunks;
        });
        var response = RestMulti.fromMultiData(body).encodeAsJsonArray(false).header("Content-Type", contentType);
        return (crs == null ? response : response.header(CONTENT_CRS, "<" + crs + ">")).build();
    }

    private static void requireJson(String format, String detail) {
        if (!Set.of("json", "geojson").contains(format)) {
            throw new BadParameterException("f", detail);
        }
    }

    private static int limit(String value) {
        Long limit = Params.nonNegative("limit", value);
        if (limit == null || limit < 1 || limit > OBLAST_STATS_MAX_LIMIT) {
            throw new BadParameterException("limit", "limit must be between 1 and " + OBLAST_STATS_MAX_LIMIT);
        }
        return limit.intValue();
    }

    private static void requireCrs84(String name, String value) {
        if (!CRS84.equals(value)) {
            throw new BadParameterException(name, name + " must be " + CRS84);
        }
    }

    private static void requireIncidents(String collection) {
        if (!OgcDocuments.INCIDENTS.equals(collection)) {
            throw new jakarta.ws.rs.NotFoundException("no collection " + collection);
        }
    }

    private static String base(UriInfo uri) {
        String root = uri.getBaseUri().toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/ogc";
    }
}
