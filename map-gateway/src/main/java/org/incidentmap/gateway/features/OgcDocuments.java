package org.incidentmap.gateway.features;

import static org.incidentmap.gateway.features.Links.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata documents of the OGC API (landing page, conformance, collection descriptions) and
 * the links of a single incident, all at the gateway's addresses.
 */
@ApplicationScoped
class OgcDocuments {

    static final String INCIDENTS = "incidents";
    static final String OBLAST_STATS = "oblast-stats";
    static final String SCHEMA_JSON = "application/schema+json";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    /** The CRSs incident-service converts the incidents to (in PostGIS); the stored one, CRS84, first. */
    private static final List<String> INCIDENT_CRS = List.of(CRS84,
            "http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/0/3857");
    private static final String QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    /** The map page's zoom at which one settlement's incidents stand apart. */
    private static final int PLACE_ZOOM = 12;

    private final ObjectMapper mapper;
    private final ObjectNode api;

    OgcDocuments(ObjectMapper mapper) throws IOException {
        this.mapper = mapper;
        try (InputStream in = OgcDocuments.class.getResourceAsStream("/ogc/openapi.json")) {
            this.api = (ObjectNode) mapper.readTree(in);
        }
    }

    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/property-property",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/datetime",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilejson",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
            "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");

    Map<String, Object> landing(String base) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", "Incident map");
        doc.put("description", "Strikes and casualty events of the Russia–Ukraine war as OGC API – Features layers");
        doc.put("links", List.of(
                link(base, "self", "application/json", "This document"),
                link(base + "/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0",
                        "The API definition"),
                link(base + "/conformance", "conformance", "application/json", "Conformance classes"),
                link(base + "/collections", "data", "application/json", "Collections"),
                link(base + "/tileMatrixSets", "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes", "application/json",
                        "Tile matrix sets of the incident tiles")));
        return doc;
    }

    /** The OpenAPI document of {@code /ogc}, its paths relative to the one server: this landing page. */
    ObjectNode api(String base) {
        ObjectNode doc = api.deepCopy();
        doc.putArray("servers").addObject().put("url", base);
        return doc;
    }

    Map<String, Object> conformance() {
        return Map.of("conformsTo", CONFORMANCE);
    }

    Map<String, Object> collections(String base) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(link(base + "/collections", "self", "application/json", "Collections")));
        doc.put("collections", List.of(incidents(base), oblastStats(base)));
        return doc;
    }

    Map<String, Object> incidents(String base) {
        Map<String, Object> doc = collection(base, INCIDENTS, "Incidents",
                "Strikes and casualty events; killed/injured null means unknown, *AtLeast flags mark lower bounds",
                "Incidents as GeoJSON");
        doc.put("crs", INCIDENT_CRS);
        List<Object> links = new ArrayList<>((List<?>) doc.get("links"));
        links.add(link(base + "/collections/" + INCIDENTS + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
                "application/json", "Incidents as vector tiles"));
        String queryables = base + "/collections/" + INCIDENTS + "/queryables";
        links.add(link(queryables, QUERYABLES_REL, SCHEMA_JSON, "The properties a filter may name"));
        links.add(link(queryables, "describedby", SCHEMA_JSON, "The incidents' filterable properties as JSON Schema"));
        doc.put("links", links);
        return doc;
    }

    /** incident-service's queryables schema as the gateway serves it: its {@code $id} is the gateway's address. */
    String queryables(ObjectNode schema, String base) {
        schema.put("$id", base + "/collections/" + INCIDENTS + "/queryables");
        try {
            return mapper.writeValueAsString(schema);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always writes", e);
        }
    }

    Map<String, Object> oblastStats(String base) {
        return collection(base, OBLAST_STATS, "Casualties by oblast",
                "One point per oblast at the centroid of its located incidents, with incident, killed and"
                        + " injured totals; datetime, eventType, status and minKilled filter the incidents counted",
                "Oblast totals as GeoJSON");
    }

    private static Map<String, Object> collection(String base, String id, String title, String description, String itemsTitle) {
        String self = base + "/collections/" + id;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("title", title);
        doc.put("description", description);
        doc.put("itemType", "feature");
        doc.put("crs", List.of(CRS84));
        // incident-service stores EPSG:4326 longitude first, which is CRS84
        doc.put("storageCrs", CRS84);
        doc.put("extent", Map.of("spatial", Map.of("bbox", List.of(List.of(22.0, 44.0, 41.0, 53.0)), "crs", CRS84)));
        doc.put("links", List.of(
                link(self, "self", "application/json", "This collection"),
                link(self + "/items", "items", OgcResource.GEO_JSON, itemsTitle)));
        return doc;
    }

    /**
     * Adds to an incident's Feature the links OGC API – Features asks of a feature (self, alternate,
     * collection) and its revision history. The alternate is the map page opened on the incident's
     * place, so an incident without a point has none; a feature in another {@code crs} than CRS84
     * has its CRS84 form as the alternate instead, since the map page's address is in degrees.
     */
    ObjectNode withIncidentLinks(ObjectNode feature, String base, String crs) {
        String id = feature.path("id").asText();
        List<Map<String, String>> links = new ArrayList<>();
        String crs84Form = base + "/collections/" + INCIDENTS + "/items/" + id;
        boolean crs84 = CRS84.equals(crs);
        links.add(link(crs84 ? crs84Form : crs84Form + "?crs=" + URLEncoder.encode(crs, StandardCharsets.UTF_8), "self",
                OgcResource.GEO_JSON, "This incident"));
        JsonNode geometry = feature.path("geometry");
        if (!crs84) {
            links.add(link(crs84Form, "alternate", OgcResource.GEO_JSON, "This incident in CRS84"));
        } else if ("Point".equals(geometry.path("type").asText())) {
            JsonNode lonLat = geometry.path("coordinates");
            links.add(link(root(base) + "/#" + lonLat.path(1).asText() + "," + lonLat.path(0).asText() + "," + PLACE_ZOOM,
                    "alternate", "text/html", "This incident's place on the map"));
        }
        links.add(link(root(base) + "/api/incidents/" + id + "/history", "version-history", "application/json",
                "Revisions of this incident"));
        links.add(link(base + "/collections/" + INCIDENTS, "collection", "application/json", "Incidents"));
        feature.set("links", mapper.valueToTree(links));
        return feature;
    }

    /** The link from an items page to its collection, serialised, to be spliced into a streamed page. */
    String incidentsCollectionLink(String base) {
        try {
            return mapper.writeValueAsString(link(base + "/collections/" + INCIDENTS, "collection", "application/json", "Incidents"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always writes", e);
        }
    }

    private static String root(String base) {
        return base.substring(0, base.length() - "/ogc".length());
    }
}
