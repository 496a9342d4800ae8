package org.incidentmap.gateway.tiles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns an incident event into the tiles it changes: those showing the incident where it is now
 * ("geometry") and where it was ("previousGeometry", present when the event moved it), at every
 * zoom of the tileset. The stream's event pipeline calls {@link #onEvent} for each event, in seq
 * order, before delivering it to subscribers.
 */
@ApplicationScoped
public class TileInvalidation {

    private static final Logger LOG = Logger.getLogger(TileInvalidation.class);

    private final TileCache cache;
    private final ObjectMapper mapper;
    private final int maxZoom;

    TileInvalidation(TileCache cache, ObjectMapper mapper, TilesConfig config) {
        this.cache = cache;
        this.mapper = mapper;
        this.maxZoom = config.maxZoom();
    }

    /** Drops the cached tiles event {@code seq} (its Feature, with "previousGeometry" when it moved one) changes. */
    public void onEvent(long seq, String feature) {
        List<TileAddress> tiles = tiles(feature);
        if (tiles == null) {
            cache.invalidateAll(seq);
        } else {
            cache.invalidate(seq, tiles);
        }
    }

    /** The tiles showing the event's incident, or null when the event cannot be read. */
    List<TileAddress> tiles(String feature) {
        List<double[]> places = new ArrayList<>(2);
        try (JsonParser parser = mapper.getFactory().createParser(feature)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("geometry") || name.equals("previousGeometry")) {
                    double[] point = point(parser.readValueAsTree());
                    if (point != null) {
                        places.add(point);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not read the places of an event (%s); every cached tile is dropped", e.getMessage());
            return null;
        }
        Set<TileAddress> addresses = new LinkedHashSet<>();
        for (double[] place : places) {
            for (int z = 0; z <= maxZoom; z++) {
                addresses.addAll(TileAddress.around(place[0], place[1], z));
            }
        }
        return List.copyOf(addresses);
    }

    private static double[] point(JsonNode geometry) {
        JsonNode coordinates = geometry == null ? null : geometry.path("coordinates");
        if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2
                || !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
            return null;
        }
        return new double[] {coordinates.get(0).asDouble(), coordinates.get(1).asDouble()};
    }
}
