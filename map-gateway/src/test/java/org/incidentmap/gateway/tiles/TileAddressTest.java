package org.incidentmap.gateway.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TileAddressTest {

    /** The tiles whose area widened by {@code buffer} (a fraction of a tile) on every side holds the point: brute force. */
    private static Set<TileAddress> holding(double lon, double lat, int z, double buffer) {
        double n = Math.pow(2, z);
        double fx = (lon + 180) / 360 * n;
        double r = Math.toRadians(lat);
        double fy = (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n;
        Set<TileAddress> tiles = new HashSet<>();
        for (int x = (int) fx - 2; x <= (int) fx + 2; x++) {
            for (int y = (int) fy - 2; y <= (int) fy + 2; y++) {
                if (x >= 0 && y >= 0 && x < n && y < n && fx >= x - buffer && fx <= x + 1 + buffer
                        && fy >= y - buffer && fy <= y + 1 + buffer) {
                    tiles.add(new TileAddress(z, x, y));
                }
            }
        }
        return tiles;
    }

    @Test
    void theFourTilesAroundAPointIncludeEveryTileWhoseBufferReachesIt() {
        Random random = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            double lon = 22 + random.nextDouble() * 19;
            double lat = 44 + random.nextDouble() * 9;
            int z = random.nextInt(17);
            // incident-service's buffers: 1/16 of a tile for points, 1/8 (one cell) for clusters
            for (double buffer : new double[] {1.0 / 16, 1.0 / 8, 0.49}) {
                assertThat(TileAddress.around(lon, lat, z)).containsAll(holding(lon, lat, z, buffer));
            }
        }
    }

    @Test
    void atZoomZeroEveryPointIsInTheOneTile() {
        assertThat(Set.copyOf(TileAddress.around(30.5, 50.4, 0))).containsExactly(new TileAddress(0, 0, 0));
    }
}
