package org.incidentmap.incident.tiles;

import java.util.Locale;

/**
 * The two layers a Mapbox Vector Tile of incidents can hold, each one SQL statement. Parameters:
 * $1 zoom, $2 column (x), $3 row (y), then the filter's values. Every statement reads the event
 * log's head in the same snapshot as the rows, so a tile says exactly which seq it reflects.
 *
 * <p>Geometry is in tile units (extent 4096). Rows are ordered so that equal data gives equal
 * bytes: the gateway's ETag is a hash of the tile, and replicas must agree on it.
 */
public enum TileLayer {

    /**
     * One point per grid cell with incidents, at their mean position, with the count and the
     * casualty sums. The grid is global: {@value #CELLS_PER_TILE} cells across a tile at every
     * zoom, so cells never straddle tiles and a cell in the buffer of a neighbouring tile is the
     * same cell, with the same sums, as in its own tile. The buffer is one whole cell, so every
     * cell is either inside the buffered tile or outside it, never cut. Cells are computed from
     * longitude and latitude (a Web Mercator cell is a longitude/latitude rectangle), which avoids
     * projecting each row: on 250,000 incidents projecting every row cost about three times as much.
     */
    CLUSTERS("""
            SELECT (SELECT last_seq FROM incident.event_counter) AS seq, (
              SELECT ST_AsMVT(c, 'clusters', 4096, 'geom') FROM (
                SELECT ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint(avg(p.lon), avg(p.lat)), 4326), 3857),
                                    ST_TileEnvelope({z}, {x}, {y}), 4096, %1$d, true) AS geom,
                       count(*) AS count,
                       COALESCE(sum(p.killed), 0) AS killed,
                       COALESCE(bool_or(p.killed_at_least AND p.killed IS NOT NULL), false) AS "killedAtLeast",
                       count(*) - count(p.killed) AS "killedUnknown",
                       COALESCE(sum(p.injured), 0) AS injured,
                       COALESCE(bool_or(p.injured_at_least AND p.injured IS NOT NULL), false) AS "injuredAtLeast",
                       count(*) - count(p.injured) AS "injuredUnknown"
                FROM (
                  SELECT ST_X(i.geom) AS lon, ST_Y(i.geom) AS lat, i.killed, i.killed_at_least, i.injured, i.injured_at_least,
                         floor((ST_X(i.geom) + 180) * (%2$d * power(2, {z}) / 360)) AS cx,
                         floor((1 - asinh(tan(radians(ST_Y(i.geom)))) / pi()) * (%2$d * power(2, {z}) / 2)) AS cy
                  FROM incident.incidents i
                  WHERE i.geom && ST_Transform(ST_TileEnvelope({z}, {x}, {y}, margin => %3$s), 4326) AND %%s) p
                WHERE p.cx BETWEEN %2$d * {x} - 1 AND %2$d * {x} + %2$d AND p.cy BETWEEN %2$d * {y} - 1 AND %2$d * {y} + %2$d
                GROUP BY p.cx, p.cy
                ORDER BY p.cx, p.cy) c) AS tile"""
            .formatted(TileLayer.EXTENT / TileLayer.CELLS_PER_TILE, TileLayer.CELLS_PER_TILE,
                    // The index prefilter reaches a little past the one-cell buffer; the cell
                    // numbers decide exactly which incidents count.
                    Double.toString(1.05 / TileLayer.CELLS_PER_TILE))),

    /** One point per incident with the properties a popup shows; null figures are left out (MVT has no null). */
    INCIDENTS("""
            SELECT (SELECT last_seq FROM incident.event_counter) AS seq, (
              SELECT ST_AsMVT(t, 'incidents', 4096, 'geom') FROM (
                SELECT ST_AsMVTGeom(ST_Transform(i.geom, 3857), ST_TileEnvelope({z}, {x}, {y}), 4096, %1$d, true) AS geom,
                       CAST(i.id AS text) AS id, i.event_type AS "eventType", i.sub_event_type AS "subEventType",
                       to_char(i.occurred_on, 'YYYY-MM-DD') AS "occurredOn", i.place_name AS "placeName", i.admin1,
                       i.killed, i.killed_at_least AS "killedAtLeast", i.injured, i.injured_at_least AS "injuredAtLeast",
                       i.status, i.geo_precision AS "geoPrecision", i.version
                FROM incident.incidents i
                WHERE i.geom && ST_Transform(ST_TileEnvelope({z}, {x}, {y}, margin => %2$s), 4326) AND %%s
                ORDER BY i.id) t) AS tile"""
            .formatted(TileLayer.POINT_BUFFER, Double.toString((double) TileLayer.POINT_BUFFER / TileLayer.EXTENT)));

    /** Tile units across a tile, the MVT default that MapLibre and GDAL expect. */
    static final int EXTENT = 4096;
    /** Grid cells across a tile in the clusters layer: 64 px cells on a 512 px tile (see docs/tiles.md). */
    static final int CELLS_PER_TILE = 8;
    /** Tile units kept around the tile for incident points, so symbols at an edge are drawn whole. */
    static final int POINT_BUFFER = 256;

    private final String sql;

    TileLayer(String sql) {
        // typed once here: PostgreSQL would otherwise infer the zoom as a float from power()
        this.sql = sql.replace("{z}", "CAST($1 AS integer)").replace("{x}", "CAST($2 AS integer)")
                .replace("{y}", "CAST($3 AS integer)");
    }

    /** The statement with the filter's conditions (never empty) in place. */
    String sql(String conditions) {
        return String.format(Locale.ROOT, sql, conditions);
    }

    /** The layer named in a URL, or null. */
    public static TileLayer named(String name) {
        for (TileLayer layer : values()) {
            if (layer.name().toLowerCase(Locale.ROOT).equals(name)) {
                return layer;
            }
        }
        return null;
    }
}
