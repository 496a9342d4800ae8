package org.incidentmap.gateway.access;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.incidentmap.common.CrossOriginWrites;

/**
 * Cross-origin requests: pages of any origin may read the layers and the stream; only the gateway's
 * own map page and the pages of {@code gateway.access.write-origins} may post to the report review.
 */
@ApplicationScoped
class CorsPolicy {

    private static final CrossOriginWrites.Writes WRITES = new CrossOriginWrites.Writes("POST",
            "Authorization, Content-Type, If-Match", Optional.empty(), true, "gateway.access.write-origins");

    private final CrossOriginWrites policy;

    CorsPolicy(AccessConfig config) {
        this.policy = new CrossOriginWrites(config.writeOrigins().orElse(List.of()), config.preflightMaxAge(), WRITES);
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(policy);
    }
}
