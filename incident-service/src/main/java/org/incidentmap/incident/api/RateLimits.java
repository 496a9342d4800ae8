package org.incidentmap.incident.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-client limits on writes and on /reports: a token bucket per client and kind, refilled
 * evenly over a minute. The client is the verified token's principal, so that editors behind one
 * proxy (or the map page's gateway) each have their own budget and a forged token cannot spend
 * someone else's; requests without a valid token count by remote address. Runs after the body was
 * read within its limit, so a refused client's connection stays usable.
 */
class RateLimits {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final CurrentIdentityAssociation identities;
    private final Cache<String, Bucket> buckets;
    private final int writesPerMinute;
    private final int reportsPerMinute;

    RateLimits(CurrentIdentityAssociation identities, AccessConfig config) {
        this.identities = identities;
        this.writesPerMinute = config.writesPerMinute();
        this.reportsPerMinute = config.reportsPerMinute();
        // A bucket idle for a minute is full again, the same as a new one: forgetting it loses nothing.
        this.buckets = Caffeine.newBuilder().maximumSize(config.maxTrackedClients())
                .expireAfterAccess(Duration.ofMinutes(1)).build();
    }

    @ServerRequestFilter(nonBlocking = true, priority = Priorities.USER + 100)
    Uni<Void> limit(ContainerRequestContext request, RoutingContext routing) {
        boolean reports = request.getUriInfo().getPath().startsWith("/reports");
        if (!reports && !WRITES.contains(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .invoke(identity -> take(reports, client(identity, routing)))
                .replaceWithVoid();
    }

    private static String client(SecurityIdentity identity, RoutingContext routing) {
        if (identity != null && !identity.isAnonymous()) {
            return "principal " + identity.getPrincipal().getName();
        }
        return "address " + routing.request().remoteAddress().hostAddress();
    }

    private void take(boolean reports, String client) {
        int perMinute = reports ? reportsPerMinute : writesPerMinute;
        Bucket bucket = buckets.get((reports ? "reports " : "writes ") + client, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            throw new RateLimitedException(reports ? "/reports" : "writes", perMinute, seconds);
        }
    }

    /** A client over its limit: 429 with Retry-After. */
    static final class RateLimitedException extends RuntimeException {

        final long retryAfterSeconds;

        RateLimitedException(String what, int perMinute, long retryAfterSeconds) {
            super("more than " + perMinute + " requests a minute to " + what + " from this client; retry in "
                    + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
