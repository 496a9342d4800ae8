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
 * Former names of renamed places (Artemovsk is Bakhmut, Dneprodzerzhinsk is Kamianske) that a
 * dump may lack, from a curated file: country, admin1 code, current name, former names
 * (comma-separated), tab-separated. The loader adds them to the place as alternate names.
 */
public final class RenameAliases {

    private final Map<String, List<String>> formerNames;

    private RenameAliases(Map<String, List<String>> formerNames) {
        this.formerNames = formerNames;
    }

    public static RenameAliases none() {
        return new RenameAliases(Map.of());
    }

    public static RenameAliases read(InputStream in) throws IOException {
        Map<String, List<String>> map = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                if (c.length != 4) {
                    throw new IOException("rename alias line needs 4 tab-separated columns: " + line);
                }
                map.put(key(c[0], c[1], c[2]), Arrays.stream(c[3].split(",")).map(String::trim).toList());
            }
        }
        return new RenameAliases(map);
    }

    List<String> formerNames(String country, String admin1, String name) {
        return formerNames.getOrDefault(key(country, admin1, name), List.of());
    }

    private static String key(String country, String admin1, String name) {
        return country + "|" + admin1 + "|" + NameNormalizer.fold(name);
    }
}
