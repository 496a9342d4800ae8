package org.incidentmap.gateway.tiles;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.incidentmap.gateway.problem.BadParameterException;
import org.incidentmap.gateway.problem.Params;

/** OGC API – Tiles for the incidents collection: the tileset list, the tileset (or TileJSON) and the tiles. */
@Path("/ogc/collections/incidents/tiles")
public class TilesResource {

    /** A browser may keep a tile but must ask again before each use; the ETag makes asking cheap (304). */
    static final String CACHE_CONTROL = "no-cache";
    static final String SEQ_HEADER = "Incident-Seq";

    private final TileService tiles;
    private final TileDocuments documents;
    private final TilesConfig config;

    TilesResource(TileService tiles, TileDocuments documents, TilesConfig config) {
        this.tiles = tiles;
        this.documents = documents;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> tilesets(@Context UriInfo uri) {
        return documents.tilesets(Ogc.base(uri));
    }

    /** Tileset metadata, or with {@code f=tilejson} TileJSON whose tile URL carries the filters given here. */
    @GET
    @Path("/" + TileDocuments.TMS_ID)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> tileset(@Context UriInfo uri) {
        TileFilters filters = TileFilters.of(uri.getQueryParameters(), Set.of("f"));
        String format = uri.getQueryParameters().getFirst("f");
        if (format == null || format.equals("json")) {
            return documents.tileset(Ogc.base(uri));
        }
        if (format.equals("tilejson")) {
            return documents.tileJson(Ogc.base(uri), filters.key());
        }
        throw new BadParameterException("f", "f must be json or tilejson");
    }

    @GET
    @Path("/" + TileDocuments.TMS_ID + "/{tileMatrix}/{tileRow}/{tileCol}")
    @Produces(TileDocuments.MVT)
    @Operation(summary = "A Mapbox Vector Tile of incidents; seq asks for a tile reflecting at least that event")
    public Uni<Response> tile(@Context UriInfo uri, @PathParam("tileMatrix") String tileMatrix,
            @PathParam("tileRow") String tileRow, @PathParam("tileCol") String tileCol,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        TileAddress address = address(tileMatrix, tileRow, tileCol);
        var query = uri.getQueryParameters();
        TileFilters filters = TileFilters.of(query, Set.of("seq", "f"));
        String format = query.getFirst("f");
        if (format != null && !format.equals("mvt")) {
            throw new BadParameterException("f", "f must be mvt");
        }
        Long seen = Params.nonNegative("seq", query.getFirst("seq"));
        return tiles.tile(address, filters.upstream(), filters.key(), seen == null ? 0 : seen).map(tile -> {
            Response.ResponseBuilder answer = tile.matches(ifNoneMatch) ? Response.notModified()
                    : Response.ok(tile.mvt(), TileDocuments.MVT);
            return answer.header("ETag", tile.etag()).header("Cache-Control", CACHE_CONTROL)
                    .header(SEQ_HEADER, Long.toString(tile.seq())).build();
        });
    }

    /** A malformed number names its parameter (400); a tile outside the tileset is not found (404). */
    private TileAddress address(String tileMatrix, String tileRow, String tileCol) {
        Long z = Params.nonNegative("tileMatrix", tileMatrix);
        Long y = Params.nonNegative("tileRow", tileRow);
        Long x = Params.nonNegative("tileCol", tileCol);
        if (z > config.maxZoom() || y >= 1L << z || x >= 1L << z) {
            throw new NotFoundException("no tile " + tileMatrix + "/" + tileRow + "/" + tileCol + " in the tileset (zooms 0 to "
                    + config.maxZoom() + ")");
        }
        return new TileAddress(z.intValue(), x.intValue(), y.intValue());
    }
}
