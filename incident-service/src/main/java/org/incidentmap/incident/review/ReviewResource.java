package org.incidentmap.incident.review;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.incidentmap.incident.domain.InvalidInputException;

/** The review queue: candidates from pasted reports and live sources that wait for an editor. */
@Path("/review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final ReportReview review;

    ReviewResource(ReportReview review) {
        this.review = review;
    }

    @GET
    @RolesAllowed({"reporter", "editor"})
    public Uni<ReportReview.Pending> queue(@QueryParam("state") String state, @QueryParam("source") String source,
            @QueryParam("limit") String limit, @QueryParam("after") String after) {
        if (state != null && !state.equals("pending")) {
            throw InvalidInputException.of("state", "must be pending (the only state the queue lists)");
        }
        UUID sourceId = source == null || source.isEmpty() ? null : sourceId(source);
        return review.pending(sourceId, limit(limit), ReviewCursor.decode(after));
    }

    private static UUID sourceId(String source) {
        try {
            return UUID.fromString(source);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("source", "is not a source id");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (!limit.matches("\\d{1,4}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(limit);
    }
}
