package org.incidentmap.geocoding.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.geocoding.gazetteer.Place;
import org.incidentmap.geocoding.match.Candidate;

/** GeoJSON (RFC 7946) shapes of the API. */
final class GeoJson {

    private GeoJson() {
    }

    record Point(String type, double[] coordinates) {
        static Point of(Place p) {
            return new Point("Point", new double[] {p.longitude(), p.latitude()});
        }
    }

    record Feature(String type, Point geometry, Map<String, Object> properties) {
    }

    record FeatureCollection(String type, List<Feature> features) {
        static FeatureCollection of(List<Candidate> candidates) {
            return new FeatureCollection("FeatureCollection", candidates.stream().map(GeoJson::feature).toList());
        }
    }

    static Feature feature(Candidate c) {
        Map<String, Object> props = properties(c.place(), c.matchedName());
        props.put("score", Math.round(c.score() * 1000) / 1000.0);
        props.put("precision", c.precision());
        props.put("ambiguous", c.ambiguous());
        return new Feature("Feature", Point.of(c.place()), props);
    }

    static Map<String, Object> properties(Place p, String matchedName) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("geonameid", p.geonameid());
        props.put("name", p.name());
        props.put("matchedName", matchedName);
        props.put("featureClass", p.featureClass());
        props.put("featureCode", p.featureCode());
        props.put("admin1", p.admin1());
        props.put("admin2", p.admin2());
        props.put("country", p.country());
        props.put("population", p.population());
        return props;
    }
}
