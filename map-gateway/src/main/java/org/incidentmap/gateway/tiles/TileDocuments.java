package org.incidentmap.gateway.tiles;

import static org.incidentmap.gateway.features.Links.link;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OGC API – Tiles documents of the incidents tileset (tileset list, tileset metadata, the
 * WebMercatorQuad tile matrix set) and its TileJSON 3.0 for MapLibre.
 */
@ApplicationScoped
class TileDocuments {

    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String TMS_ID = "WebMercatorQuad";
    static final String TMS_URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    private static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    private static final String TEMPLATE = "/{tileMatrix}/{tileRow}/{tileCol}";
    /** Half the width of the Web Mercator world in metres. */
    private static final double ORIGIN = 20037508.3427892;
    /** The zooms WebMercatorQuad defines. */
    private static final int TMS_LEVELS = 25;

    private static final List<Field> CLUSTER_FIELDS = List.of(
            new Field("count", "Number", "incidents in the cell"),
            new Field("killed", "Number", "sum of the known killed figures"),
            new Field("killedAtLeast", "Boolean", "true when a summed killed figure is a lower bound"),
            new Field("killedUnknown", "Number", "incidents without a killed figure"),
            new Field("injured", "Number", "sum of the known injured figures"),
            new Field("injuredAtLeast", "Boolean", "true when a summed injured figure is a lower bound"),
            new Field("injuredUnknown", "Number", "incidents without an injured figure"));
    private static final List<Field> INCIDENT_FIELDS = List.of(
            new Field("id", "String", "incident UUID"),
            new Field("eventType", "String", "ACLED event type"),
            new Field("subEventType", "String", "ACLED sub-event type"),
            new Field("occurredOn", "String", "date, YYYY-MM-DD"),
            new Field("placeName", "String", "place name"),
            new Field("admin1", "String", "oblast"),
            new Field("killed", "Number", "people killed; absent when unknown"),
            new Field("killedAtLeast", "Boolean", "killed is a lower bound"),
            new Field("injured", "Number", "people injured; absent when unknown"),
            new Field("injuredAtLeast", "Boolean", "injured is a lower bound"),
            new Field("status", "String", "reported, verified, disputed or retracted"),
            new Field("geoPrecision", "Number", "1 settlement, 2 near or part of a region, 3 region"),
            new Field("version", "Number", "the incident's version"));

    /** A property of a layer's features: its name, TileJSON type (Number, Boolean, String) and meaning. */
    private record Field(String name, String type, String description) {
    }

    private final TilesConfig config;

    TileDocuments(TilesConfig config) {
        this.config = config;
    }

    Map<String, Object> tilesets(String ogc) {
        String tiles = ogc + "/collections/incidents/tiles";
        Map<String, Object> tileset = new LinkedHashMap<>();
        tileset.put("title", "Incidents");
        tileset.put("dataType", "vector");
        tileset.put("crs", CRS);
        tileset.put("tileMatrixSetURI", TMS_URI);
        tileset.put("links", List.of(
                link(tiles + "/" + TMS_ID, "self", "application/json", "Incidents tileset"),
                link(ogc + "/tileMatrixSets/" + TMS_ID, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme",
                        "application/json", "WebMercatorQuad"),
                templated(tiles + "/" + TMS_ID + TEMPLATE)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(link(tiles, "self", "application/json", "Tilesets of incidents")));
        doc.put("tilesets", List.of(tileset));
        return doc;
    }

    /** Tileset metadata as OGC API – Tiles and the Tile Matrix Set standard describe it. */
    Map<String, Object> tileset(String ogc) {
        String self = ogc + "/collections/incidents/tiles/" + TMS_ID;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", "Incidents");
        doc.put("description", "Grid clusters with incident counts and casualty sums below zoom " + config.pointsFromZoom()
                + ", one point per incident from it on; the items' filters datetime, eventType, status, admin1 and"
                + " minKilled apply");
        doc.put("dataType", "vector");
        doc.put("crs", CRS);
        doc.put("tileMatrixSetURI", TMS_URI);
        List<Map<String, Object>> limits = new ArrayList<>();
        for (int z = 0; z <= config.maxZoom(); z++) {
            long last = (1L << z) - 1;
            limits.add(Map.of("tileMatrix", Integer.toString(z), "minTileRow", 0, "maxTileRow", last,
                    "minTileCol", 0, "maxTileCol", last));
        }
        doc.put("tileMatrixSetLimits", limits);
        doc.put("layers", List.of(
                layer("clusters", 0, config.pointsFromZoom() - 1, CLUSTER_FIELDS),
                layer("incidents", config.pointsFromZoom(), config.maxZoom(), INCIDENT_FIELDS)));
        doc.put("links", List.of(
                link(self, "self", "application/json", "This tileset"),
                link(self + "?f=tilejson", "alternate", "application/vnd.mapbox.tile+json", "TileJSON for MapLibre"),
                link(ogc + "/tileMatrixSets/" + TMS_ID, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme",
                        "application/json", "WebMercatorQuad"),
                link(ogc + "/collections/incidents", "http://www.opengis.net/def/rel/ogc/1.0/geodata", "application/json",
                        "The incidents collection"),
                templated(self + TEMPLATE)));
        return doc;
    }

    /** TileJSON 3.0.0; the tile URL carries {@code query} (the filters it was asked with, encoded). */
    Map<String, Object> tileJson(String ogc, String query) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tilejson", "3.0.0");
        doc.put("name", "incidents");
        doc.put("description", "Strikes and casualty events of the Russia–Ukraine war");
        doc.put("scheme", "xyz");
        doc.put("tiles", List.of(ogc + "/collections/incidents/tiles/" + TMS_ID + "/{z}/{y}/{x}"
                + (query.isEmpty() ? "" : "?" + query)));
        doc.put("minzoom", 0);
        doc.put("maxzoom", config.maxZoom());
        doc.put("vector_layers", List.of(
                vectorLayer("clusters", 0, config.pointsFromZoom() - 1, CLUSTER_FIELDS),
                vectorLayer("incidents", config.pointsFromZoom(), config.maxZoom(), INCIDENT_FIELDS)));
        return doc;
    }

    Map<String, Object> tileMatrixSets(String ogc) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", TMS_ID);
        entry.put("title", "Google Maps Compatible for the World");
        entry.put("uri", TMS_URI);
        entry.put("links", List.of(link(ogc + "/tileMatrixSets/" + TMS_ID, "self", "application/json", TMS_ID)));
        return Map.of("tileMatrixSets", List.of(entry));
    }

    /** The WebMercatorQuad definition of OGC's Tile Matrix Set standard 2.0, 256-pixel tiles, zooms 0 to 24. */
    Map<String, Object> webMercatorQuad() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", TMS_ID);
        doc.put("title", "Google Maps Compatible for the World");
        doc.put("uri", TMS_URI);
        doc.put("crs", CRS);
        doc.put("orderedAxes", List.of("E", "N"));
        doc.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (int z = 0; z < TMS_LEVELS; z++) {
            double cellSize = 2 * ORIGIN / 256 / (1L << z);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Integer.toString(z));
            // 0.28 mm, the standardised rendering pixel
            m.put("scaleDenominator", cellSize / 0.00028);
            m.put("cellSize", cellSize);
            m.put("cornerOfOrigin", "topLeft");
            m.put("pointOfOrigin", List.of(-ORIGIN, ORIGIN));
            m.put("tileWidth", 256);
            m.put("tileHeight", 256);
            m.put("matrixWidth", 1L << z);
            m.put("matrixHeight", 1L << z);
            matrices.add(m);
        }
        doc.put("tileMatrices", matrices);
        return doc;
    }

    private static Map<String, Object> layer(String id, int minZoom, int maxZoom, List<Field> fields) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Field f : fields) {
            properties.put(f.name(), Map.of("type", f.type().toLowerCase(Locale.ROOT), "description", f.description()));
        }
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("id", id);
        layer.put("dataType", "vector");
        layer.put("geometryDimension", 0);
        layer.put("minTileMatrix", Integer.toString(minZoom));
        layer.put("maxTileMatrix", Integer.toString(maxZoom));
        layer.put("propertiesSchema", Map.of("type", "object", "properties", properties));
        return layer;
    }

    private static Map<String, Object> vectorLayer(String id, int minZoom, int maxZoom, List<Field> fields) {
        Map<String, Object> fieldTypes = new LinkedHashMap<>();
        for (Field f : fields) {
            fieldTypes.put(f.name(), f.type());
        }
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("id", id);
        layer.put("minzoom", minZoom);
        layer.put("maxzoom", maxZoom);
        layer.put("fields", fieldTypes);
        return layer;
    }

    private static Map<String, Object> templated(String href) {
        Map<String, Object> link = new LinkedHashMap<>(link(href, "item", MVT, "Incident tiles (Mapbox Vector Tiles)"));
        link.put("templated", true);
        return link;
    }
}
