package org.incidentmap.testsupport;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** GDAL's MVT driver (Debian's gdal-bin) reading a tile the way a GIS user's tools would, a reader this project did not write. */
public final class Gdal {

    private Gdal() {
    }

    /** The features of {@code layer} in the tile at z/x/y, as GeoJSON Features in WGS 84; none when it lacks the layer. */
    public static List<Map<String, Object>> features(byte[] tile, int z, int x, int y, String layer) {
        return features(tile, z, x, y, layer, true);
    }

    /**
     * The features of {@code layer} in the tile, as GDAL's ogr2ogr turns them into GeoJSON in
     * WGS 84 (each a map with "properties" and "geometry"); none when the tile lacks the layer.
     * With {@code clip} false GDAL keeps what lies in the tile's buffer too.
     */
    public static List<Map<String, Object>> features(byte[] tile, int z, int x, int y, String layer, boolean clip) {
        if (tile.length == 0) {
            return List.of();
        }
        try {
            Path file = Files.createTempFile("tile", ".mvt");
            Path out = Files.createTempFile("tile", ".geojson");
            try {
                Files.write(file, tile);
                Files.delete(out);
                Process gdal = new ProcessBuilder("ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:4326",
                        "-oo", "X=" + x, "-oo", "Y=" + y, "-oo", "Z=" + z, "-oo", "CLIP=" + (clip ? "YES" : "NO"),
                        out.toString(), file.toString(), layer).redirectErrorStream(true).start();
                String log = new String(gdal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!gdal.waitFor(60, TimeUnit.SECONDS)) {
                    gdal.destroyForcibly();
                    throw new IllegalStateException("ogr2ogr did not finish");
                }
                if (gdal.exitValue() != 0) {
                    if (log.contains("Couldn't fetch requested layer")) {
                        return List.of();
                    }
                    throw new IllegalStateException("ogr2ogr failed: " + log);
                }
                // doubles, not JsonPath's default floats: coordinates are compared to a few metres
                return new JsonPath(Files.readString(out))
                        .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE)).getList("features");
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Web Mercator tile column and row holding lon/lat at zoom z (the slippy-map formula). */
    public static int[] tileOf(double lon, double lat, int z) {
        double n = Math.pow(2, z);
        double latRad = Math.toRadians(lat);
        return new int[] {(int) Math.floor((lon + 180) / 360 * n),
                (int) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n)};
    }
}
