package org.incidentmap.gateway.tiles;

import io.vertx.mutiny.core.MultiMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.incidentmap.gateway.problem.BadParameterException;

/**
 * The items' filters as tile parameters, passed to incident-service as they came (it checks them,
 * with the same problems as for the items), and their canonical form: the cache key of a tile and
 * the query its TileJSON's URL template carries.
 */
record TileFilters(MultiMap upstream, String key) {

    static final Set<String> NAMES = Set.of("datetime", "eventType", "status", "admin1", "minKilled");

    /** The filters among {@code query}; a parameter neither a filter nor in {@code others} is a bad parameter. */
    static TileFilters of(MultivaluedMap<String, String> query, Set<String> others) {
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            String name = param.getKey();
            if (NAMES.contains(name)) {
                String value = param.getValue().isEmpty() ? "" : param.getValue().get(0);
                if (!value.isBlank()) {
                    sorted.put(name, value);
                }
            } else if (!others.contains(name)) {
                throw new BadParameterException(name, "unknown parameter " + name + "; known: " + NAMES + " and " + others);
            }
        }
        MultiMap upstream = MultiMap.caseInsensitiveMultiMap();
        StringBuilder key = new StringBuilder();
        sorted.forEach((name, value) -> {
            upstream.add(name, value);
            key.append(key.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        });
        return new TileFilters(upstream, key.toString());
    }
}
