package org.incidentmap.incident.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.incidentmap.common.CrossOriginWrites;

/** Cross-origin requests: any page may read, only pages of {@code incident.access.write-origins} may write. */
@ApplicationScoped
class CorsPolicy {

    private static final CrossOriginWrites.Writes WRITES = new CrossOriginWrites.Writes("POST, PATCH",
            "Authorization, Content-Type, If-Match, Idempotency-Key", Optional.of("ETag, Location, Retry-After"),
            false, "incident.access.write-origins");

    private final CrossOriginWrites policy;

    CorsPolicy(AccessConfig config) {
        this.policy = new CrossOriginWrites(config.writeOrigins().orElse(List.of()), config.preflightMaxAge(), WRITES);
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(policy);
    }
}
