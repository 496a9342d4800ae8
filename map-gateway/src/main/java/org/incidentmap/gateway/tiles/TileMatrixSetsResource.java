package org.incidentmap.gateway.tiles;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** {@code /ogc/tileMatrixSets}: the one tiling scheme the tiles use, WebMercatorQuad. */
@Path("/ogc/tileMatrixSets")
public class TileMatrixSetsResource {

    private final TileDocuments documents;

    TileMatrixSetsResource(TileDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> list(@Context UriInfo uri) {
        return documents.tileMatrixSets(Ogc.base(uri));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> one(@PathParam("id") String id) {
        if (!TileDocuments.TMS_ID.equals(id)) {
            throw new NotFoundException("no tile matrix set " + id + "; the one here is " + TileDocuments.TMS_ID);
        }
        return documents.webMercatorQuad();
    }
}
