package org.incidentmap.incident.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.bulkimport.ImportQueries;
import org.incidentmap.incident.bulkimport.Imports;
import org.jboss.resteasy.reactive.RestResponse;

/** Bulk imports of GeoJSON FeatureCollections or ACLED-format CSV (editors only); progress is public. */
@Path("/imports")
public class ImportResource {

    private final Imports imports;
    private final ImportQueries queries;
    private final JsonWebToken caller;

    ImportResource(Imports imports, ImportQueries queries, JsonWebToken caller) {
        this.imports = imports;
        this.queries = queries;
        this.caller = caller;
    }

    /**
     * Spools the upload and queues it: 202 with Location /imports/{id}, or 200 with the earlier
     * import when the Idempotency-Key was used before.
     */
    @POST
    @Blocking
    @RolesAllowed("editor")
    @Consumes({"application/geo+json", MediaType.APPLICATION_JSON, "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<String> upload(InputStream body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Idempotency-Key") String clientKey) {
        if (clientKey != null && (clientKey.isBlank() || clientKey.length() > 200)) {
            throw InvalidInputException.of("Idempotency-Key", "must be 1 to 200 characters");
        }
        Imports.Format format = contentType != null && contentType.startsWith("text/csv") ? Imports.Format.CSV
                : Imports.Format.GEOJSON;
        Imports.Ticket ticket = imports.submit(clientKey, format, body, caller.getName());
        String status = queries.status(ticket.id()).await().indefinitely();
        return RestResponse.ResponseBuilder.<String>create(ticket.created() ? RestResponse.Status.ACCEPTED : RestResponse.Status.OK)
                .location(URI.create("/imports/" + ticket.id()))
                .entity(status)
                .build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> progress(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(404, "Not found", List.of(new FieldError("id", "is not an import id")));
        }
        return queries.status(uuid).onItem().ifNull()
                .failWith(() -> new InvalidInputException(404, "Not found", List.of(new FieldError("id", "no such import"))));
    }
}
