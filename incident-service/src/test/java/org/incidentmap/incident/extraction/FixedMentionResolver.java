package org.incidentmap.incident.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small in-memory gazetteer ({@code ingest/places.tsv}) standing in for geocoding-service in the
 * extractor's unit tests and bench only. A region hint ("Belgorod region") picks the region entry,
 * otherwise a settlement wins over a region of the same name, and a country qualifier breaks ties.
 */
public final class FixedMentionResolver implements MentionResolver {

    private record Entry(char kind, String name, double lon, double lat, String admin1, String country) {
        GeoPrecision precision() {
            return kind == 'S' ? GeoPrecision.SETTLEMENT : kind == 'R' ? GeoPrecision.REGION : GeoPrecision.COUNTRY;
        }
    }

    private final Map<String, List<Entry>> byName = new HashMap<>();

    public FixedMentionResolver() {
        try (InputStream in = FixedMentionResolver.class.getResourceAsStream("/ingest/places.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(this::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String line) {
        String[] f = line.split("\t");
        String[] names = f[1].split("\\|");
        Entry e = new Entry(f[0].charAt(0), names[0], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                f[4].equals("-") ? null : f[4], f[5]);
        for (String n : names) {
            byName.computeIfAbsent(key(n), k -> new ArrayList<>()).add(e);
        }
    }

    @Override
    public List<ResolvedPlace> resolve(String text, List<PlaceMention> mentions) {
        List<ResolvedPlace> out = new ArrayList<>();
        for (PlaceMention m : mentions) {
            List<Entry> entries = byName.get(key(m.text()));
            if (entries == null) {
                continue;
            }
            Entry best = null;
            for (Entry e : entries) {
                if (best == null || rank(e, m) > rank(best, m)) {
                    best = e;
                }
            }
            out.add(new ResolvedPlace(m, best.name(), best.lon(), best.lat(), best.precision(), best.admin1(),
                    best.country(), true));
        }
        return out;
    }

    private static int rank(Entry e, PlaceMention m) {
        int r = switch (e.kind()) {
            case 'S' -> m.regionHint() ? 1 : 3;
            case 'R' -> m.regionHint() ? 3 : 2;
            default -> 0;
        };
        return r * 2 + (e.country().equals(m.countryHint()) ? 1 : 0);
    }

    private static String key(String name) {
        String k = name.toLowerCase(Locale.ROOT).replace('’', '\'');
        return k.startsWith("the ") ? k.substring(4) : k;
    }
}
