package org.incidentmap.geocoding.gazetteer;

import java.util.Arrays;
import java.util.List;

/** One line of a GeoNames dump (geoname table, 19 tab-separated columns). */
record GeoNamesRecord(long geonameid, String name, String asciiname, List<String> alternateNames,
        double latitude, double longitude, String featureClass, String featureCode, String country,
        String admin1, String admin2, long population) {

    private static final int COLUMNS = 19;

    static GeoNamesRecord parse(String line) {
        String[] c = line.split("\t", -1);
        if (c.length < COLUMNS - 4) {
            throw new IllegalArgumentException("expected " + COLUMNS + " tab-separated columns, got " + c.length);
        }
        List<String> alternates = c[3].isEmpty() ? List.of() : Arrays.asList(c[3].split(","));
        return new GeoNamesRecord(Long.parseLong(c[0]), c[1], c[2].isEmpty() ? c[1] : c[2], alternates,
                Double.parseDouble(c[4]), Double.parseDouble(c[5]), c[6], c[7], c[8], c[10], c[11],
                c[14].isEmpty() ? 0 : Long.parseLong(c[14]));
    }

    boolean isRegion() {
        return "A".equals(featureClass) && featureCode.startsWith("ADM");
    }

    /** 0..1: capitals and oblast centres first, then by population on a log scale. */
    float importance() {
        double byCode = switch (featureCode) {
            case "PPLC" -> 1.0;
            case "PPLA", "ADM1" -> 0.8;
            case "PPLA2" -> 0.55;
            case "PPLA3" -> 0.35;
            default -> 0.0;
        };
        double byPopulation = Math.min(1.0, Math.log10(population + 1.0) / 7.0);
        return (float) Math.max(byCode, byPopulation);
    }
}
