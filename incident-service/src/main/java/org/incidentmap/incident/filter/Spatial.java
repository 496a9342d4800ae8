package org.incidentmap.incident.filter;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.stream.Collectors;

/** A geometry operand of S_INTERSECTS or S_WITHIN: the incident's point or a literal in EPSG:4326 (CRS84 axis order). */
public sealed interface Spatial {

    String sql(Tuple params);

    /** The geometry queryable. */
    record Property(Queryables.Queryable queryable) implements Spatial {

        @Override
        public String sql(Tuple params) {
            return queryable.column();
        }
    }

    /** A POINT or POLYGON, bound as WKT the service writes from the parsed numbers. */
    record Shape(String wkt) implements Spatial {

        static Shape point(double[] lonLat) {
            return new Shape("POINT(" + coordinate(lonLat) + ")");
        }

        /** Rings of at least four positions, each closed; the parser has checked both. */
        static Shape polygon(List<List<double[]>> rings) {
            return new Shape("POLYGON(" + rings.stream()
                    .map(ring -> "(" + ring.stream().map(Shape::coordinate).collect(Collectors.joining(",")) + ")")
                    .collect(Collectors.joining(",")) + ")");
        }

        private static String coordinate(double[] lonLat) {
            return lonLat[0] + " " + lonLat[1];
        }

        @Override
        public String sql(Tuple params) {
            params.addString(wkt);
            return "ST_GeomFromText(CAST($" + params.size() + " AS text), 4326)";
        }
    }

    /** A BBOX west, south, east, north; a west edge east of the east edge crosses the antimeridian. */
    record Box(double west, double south, double east, double north) implements Spatial {

        @Override
        public String sql(Tuple params) {
            if (west > east) {
                return "ST_Collect(" + envelope(params, west, 180) + ", " + envelope(params, -180, east) + ")";
            }
            return envelope(params, west, east);
        }

        private String envelope(Tuple params, double from, double to) {
            int n = params.size();
            params.addDouble(from).addDouble(south).addDouble(to).addDouble(north);
            return "ST_MakeEnvelope($" + (n + 1) + ", $" + (n + 2) + ", $" + (n + 3) + ", $" + (n + 4) + ", 4326)";
        }
    }
}
