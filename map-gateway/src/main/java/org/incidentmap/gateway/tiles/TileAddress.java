package org.incidentmap.gateway.tiles;

import java.util.List;

/** A tile of the WebMercatorQuad tile matrix set: zoom, column (x) and row (y, from the north). */
record TileAddress(int z, int x, int y) {

    /**
     * The four tiles nearest to a point at zoom {@code z}: its own and the neighbours across the
     * nearer vertical edge, the nearer horizontal edge and the corner between them. A tile holds a
     * point when the point lies in the tile or in its buffer, and a buffer narrower than half a
     * tile reaches no further than these, whatever its width; so dropping these four drops every
     * tile showing the point without the gateway knowing how wide incident-service's buffers are.
     */
    static List<TileAddress> around(double lon, double lat, int z) {
        double n = 1L << z;
        double fx = (lon + 180) / 360 * n;
        double latRad = Math.toRadians(Math.max(-85.0511, Math.min(85.0511, lat)));
        double fy = (1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n;
        int x = clamp(Math.floor(fx), n);
        int y = clamp(Math.floor(fy), n);
        int nx = clamp(fx - Math.floor(fx) < 0.5 ? x - 1 : x + 1, n);
        int ny = clamp(fy - Math.floor(fy) < 0.5 ? y - 1 : y + 1, n);
        return List.of(new TileAddress(z, x, y), new TileAddress(z, nx, y), new TileAddress(z, x, ny),
                new TileAddress(z, nx, ny));
    }

    private static int clamp(double v, double n) {
        return (int) Math.max(0, Math.min(n - 1, v));
    }
}
