package org.incidentmap.gateway.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Which browser pages may call the gateway. */
@ConfigMapping(prefix = "gateway.access")
public interface AccessConfig {

    /**
     * Origins ({@code https://host[:port]}) besides the gateway's own whose pages may post to the
     * report review ({@code /api/reports}); none by default. Reads are open to pages of every origin.
     */
    Optional<List<String>> writeOrigins();

    /** How long a browser may keep the answer to a preflight request. */
    @WithDefault("10m")
    Duration preflightMaxAge();
}
