package org.incidentmap.gateway.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.charset.StandardCharsets;
import org.incidentmap.gateway.problem.Params;
import org.incidentmap.gateway.upstream.IncidentService;

/**
 * The {@code oblast-stats} collection: one point per oblast at the centroid of its located
 * incidents, carrying the oblast's incident, killed and injured totals from incident-service's
 * {@code GET /stats?by=oblast}. At most a few dozen features, so it is built whole.
 */
@ApplicationScoped
class OblastStatsLayer {

    /** Feature id of the group of incidents that name no oblast. */
    static final String NO_OBLAST = "none";

    private final IncidentService incidents;
    private final ObjectMapper mapper;

    OblastStatsLayer(IncidentService incidents, ObjectMapper mapper) {
        this.incidents = incidents;
        this.mapper = mapper;
    }

    /** The features matching {@code filters} (passed to incident-service) and {@code bbox} (on the point), at most {@code limit}. */
    Uni<ObjectNode> items(MultiMap filters, double[] bbox, int limit, String self, String base) {
        MultiMap query = MultiMap.caseInsensitiveMultiMap().addAll(filters).set("by", "oblast");
        return incidents.stats(query).map(stats -> collection(stats, bbox, limit, self, base));
    }

    /** One feature by oblast name, or null. */
    Uni<ObjectNode> item(String oblast, String base) {
        return incidents.stats(MultiMap.caseInsensitiveMultiMap().set("by", "oblast")).map(stats -> {
            for (JsonNode group : stats.path("groups")) {
                if (id(group).equals(oblast)) {
                    return feature(group, base);
                }
            }
            return null;
        });
    }

    ObjectNode collection(JsonNode stats, double[] bbox, int limit, String self, String base) {
        ObjectNode doc = mapper.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = doc.putArray("features");
        int matched = 0;
        for (JsonNode group : stats.path("groups")) {
            if (bbox != null && !inside(group, bbox)) {
                continue;
            }
            matched++;
            if (features.size() < limit) {
                features.add(feature(group, base));
            }
        }
        doc.put("numberMatched", matched).put("numberReturned", features.size())
                .put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode links = doc.putArray("links");
        links.addObject().put("href", self).put("rel", "self").put("type", OgcResource.GEO_JSON);
        links.addObject().put("href", collectionHref(base)).put("rel", "collection").put("type", "application/json");
        return doc;
    }

    /** A feature with the self and collection links OGC API – Features asks of every feature. */
    private ObjectNode feature(JsonNode group, String base) {
        ObjectNode feature = mapper.createObjectNode().put("type", "Feature").put("id", id(group));
        if (group.path("lon").isNumber() && group.path("lat").isNumber()) {
            ObjectNode point = feature.putObject("geometry").put("type", "Point");
            point.putArray("coordinates").add(group.get("lon").decimalValue()).add(group.get("lat").decimalValue());
        } else {
            feature.putNull("geometry");
        }
        ObjectNode properties = feature.putObject("properties");
        properties.set("admin1", group.path("key").isTextual() ? group.get("key") : properties.nullNode());
        properties.put("incidents", group.path("incidents").asLong());
        properties.put("killed", group.path("killed").asLong());
        properties.put("injured", group.path("injured").asLong());
        ArrayNode links = feature.putArray("links");
        String self = collectionHref(base) + "/items/" + URLEncoder.encode(id(group), StandardCharsets.UTF_8).replace("+", "%20");
        links.addObject().put("href", self).put("rel", "self").put("type", OgcResource.GEO_JSON);
        links.addObject().put("href", collectionHref(base)).put("rel", "collection").put("type", "application/json");
        return feature;
    }

    private static String collectionHref(String base) {
        return base + "/collections/" + OgcDocuments.OBLAST_STATS;
    }

    private static String id(JsonNode group) {
        return group.path("key").isTextual() ? group.get("key").asText() : NO_OBLAST;
    }

    /** A group with no located incident has no point and lies in no bbox. */
    private static boolean inside(JsonNode group, double[] bbox) {
        if (!group.path("lon").isNumber() || !group.path("lat").isNumber()) {
            return false;
        }
        double lon = group.get("lon").asDouble();
        double lat = group.get("lat").asDouble();
        return Params.contains(bbox, lon, lat);
    }
}
