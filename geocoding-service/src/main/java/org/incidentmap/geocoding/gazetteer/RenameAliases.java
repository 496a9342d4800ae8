package org.incidentmap.geocoding.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.geocoding.match.NameNormalizer;

/**
 * Names a dump may lack, from curated files of tab-separated lines (country, admin1 code, the
 * place's name in the dump, names comma-separated): former names of renamed places (Artemovsk is
 * Bakhmut, Dneprodzerzhinsk is Kamianske), and names of regions (Kharkivshchyna is Kharkiv
 * oblast), which only the ADM1 row takes, never the city of the same name. The loader adds them to
 * the place as alternate names.
 */
public final class RenameAliases {

    private final Map<String, List<String>> formerNames;
    private final Map<String, List<String>> regionNames;

    private RenameAliases(Map<String, List<String>> formerNames, Map<String, List<String>> regionNames) {
        this.formerNames = formerNames;
        this.regionNames = regionNames;
    }

    public static RenameAliases none() {
        return new RenameAliases(Map.of(), Map.of());
    }

    public static RenameAliases read(InputStream renames, InputStream regionNames) throws IOException {
        return new RenameAliases(names(renames), names(regionNames));
    }

    private static Map<String, List<String>> names(InputStream in) throws IOException {
        Map<String, List<String>> map = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                if (c.length != 4) {
                    throw new IOException("name alias line needs 4 tab-separated columns: " + line);
                }
                map.put(key(c[0], c[1], c[2]), Arrays.stream(c[3].split(",")).map(String::trim).toList());
            }
        }
        return map;
    }

    /** The names the curated files add to a place: former names, and for a region its region names. */
    List<String> otherNames(String country, String admin1, String name, boolean region) {
        String key = key(country, admin1, name);
        List<String> former = formerNames.getOrDefault(key, List.of());
        if (!region || !regionNames.containsKey(key)) {
            return former;
        }
        List<String> all = new java.util.ArrayList<>(former);
        all.addAll(regionNames.get(key));
        return all;
    }

    private static String key(String country, String admin1, String name) {
        return country + "|" + admin1 + "|" + NameNormalizer.fold(name);
    }
}
