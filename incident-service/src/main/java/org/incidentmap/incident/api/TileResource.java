package org.incidentmap.incident.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.Set;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.tiles.IncidentTiles;
import org.incidentmap.incident.tiles.TileLayer;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /tiles/{layer}/{z}/{x}/{y}}: a Mapbox Vector Tile of the incidents matching the list's
 * filters (all but bbox: the tile is the box). The {@code Incident-Seq} header is the event log's
 * head as of the tile's rows.
 */
@Path("/tiles")
public class TileResource {

    public static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String SEQ_HEADER = "Incident-Seq";
    /** Deeper than any map needs; ST_TileEnvelope itself stops at 31. */
    private static final int MAX_ZOOM = 24;
    private static final Set<String> PARAMS = params();

    private final IncidentTiles tiles;

    TileResource(IncidentTiles tiles) {
        this.tiles = tiles;
    }

    @GET
    @Path("/{layer}/{z}/{x}/{y}")
    @Produces(MVT)
    public Uni<RestResponse<byte[]>> tile(@Context UriInfo uri, @PathParam("layer") String layerName,
            @PathParam("z") String zText, @PathParam("x") String xText, @PathParam("y") String yText) {
        TileLayer layer = TileLayer.named(layerName);
        if (layer == null) {
            throw InvalidInputException.of("layer", "must be clusters or incidents");
        }
        int z = (int) QueryParams.longValue("z", zText, -1, 0, MAX_ZOOM);
        long last = (1L << z) - 1;
        int x = (int) QueryParams.longValue("x", xText, -1, 0, last);
        int y = (int) QueryParams.longValue("y", yText, -1, 0, last);
        var query = uri.getQueryParameters();
        ListParams.rejectUnknown(query, PARAMS);
        return tiles.tile(layer, z, x, y, ListParams.filter(query)).map(tile -> RestResponse.ResponseBuilder
                .ok(tile.mvt(), MVT).header(SEQ_HEADER, Long.toString(tile.seq())).build());
    }

    private static Set<String> params() {
        Set<String> names = new HashSet<>(ListParams.FILTERS);
        names.remove("bbox");
        return Set.copyOf(names);
    }
}
