package org.incidentmap.incident.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores {@link ReportExtractor} against the annotated reports under deploy/bench/ingest/dev/en and times
 * it. Run through deploy/bench/ingest-eval. An incident counts as found when a candidate lies within 15 km
 * of the annotated place and has the annotated killed and injured figures (absent = absent).
 */
public final class ExtractionBench {

    private static final double MATCH_KM = 15.0;
    private static final int WARM_UP_PASSES = 50;
    private static final int TIMED_PASSES = 30;

    record Expected(String name, double lon, double lat, Integer killed, Integer injured) {
    }

    record Trap(String kind, String phrase) {
    }

    record Annotated(String file, String split, Report report, List<Expected> incidents, List<Trap> traps) {
    }

    private static final class Score {
        int expected;
        int predicted;
        int truePositives;
        final Map<String, Integer> falseMarkers = new LinkedHashMap<>();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "deploy/bench/ingest/dev/en");
        boolean verbose = Arrays.asList(args).contains("--verbose");
        List<Annotated> reports = load(dir);
        ReportExtractor extractor = new ReportExtractor(new FixedMentionResolver());

        Map<String, Score> scores = new LinkedHashMap<>();
        reports.forEach(r -> scores.putIfAbsent(r.split(), new Score()));
        scores.put("all", new Score());
        for (Annotated a : reports) {
            Extraction x = extractor.extract(a.report());
            score(a, x, scores.get(a.split()), verbose);
            score(a, x, scores.get("all"), false);
        }
        System.out.printf(Locale.ROOT, "ingest-eval: %d reports%n", reports.size());
        scores.forEach((split, s) -> System.out.printf(Locale.ROOT,
                "%-13s precision %.3f (%d/%d)  recall %.3f (%d/%d)  false markers %s%n", split,
                ratio(s.truePositives, s.predicted), s.truePositives, s.predicted,
                ratio(s.truePositives, s.expected), s.truePositives, s.expected, s.falseMarkers));

        double extractMs = medianMs(reports, a -> extractor.extract(a.report()));
        double baselineMs = medianMs(reports, a -> Span.sentences(a.report().text()));
        System.out.printf(Locale.ROOT, "median ms/report after warm-up: extraction %.3f; baseline (ICU sentence "
                + "split only) %.3f; ratio %.1f; budget 50 ms (%.4f of it)%n", extractMs, baselineMs,
                extractMs / baselineMs, extractMs / 50.0);
    }

    private static void score(Annotated a, Extraction x, Score s, boolean verbose) {
        s.expected += a.incidents().size();
        s.predicted += x.candidates().size();
        List<Candidate> unmatched = new ArrayList<>(x.candidates());
        for (Expected e : a.incidents()) {
            Candidate hit = unmatched.stream().filter(c -> near(c, e) && equal(c.killed(), e.killed())
                    && equal(c.injured(), e.injured())).findFirst().orElse(null);
            if (hit != null) {
                unmatched.remove(hit);
                s.truePositives++;
            } else if (verbose) {
                System.out.printf("  MISS %s %s killed=%s injured=%s%n", a.file(), e.name(), e.killed(), e.injured());
            }
        }
        for (Candidate c : unmatched) {
            if (verbose) {
                System.out.printf("  FALSE %s %s killed=%s injured=%s%n", a.file(), c.place().name(), c.killed(),
                        c.injured());
            }
            if (a.incidents().stream().noneMatch(e -> near(c, e))) {
                s.falseMarkers.merge(markerClass(a, c), 1, Integer::sum);
            }
        }
    }

    /** A wrong place is put down to the trap it fell into (venue, grouping, total), else "other". */
    private static String markerClass(Annotated a, Candidate c) {
        for (Trap t : a.traps()) {
            String phrase = t.phrase().toLowerCase(Locale.ROOT);
            boolean inEvidence = c.evidence().stream().anyMatch(e -> e.text().toLowerCase(Locale.ROOT).contains(phrase));
            if (c.place().name().equalsIgnoreCase(t.phrase()) || c.place().mention().text().equalsIgnoreCase(t.phrase())
                    || inEvidence) {
                return t.kind();
            }
        }
        return "other";
    }

    private static boolean near(Candidate c, Expected e) {
        return Geo.km(c.place().lon(), c.place().lat(), e.lon(), e.lat()) <= MATCH_KM;
    }

    private static boolean equal(Integer a, Integer b) {
        return a == null ? b == null : a.equals(b);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    private static double medianMs(List<Annotated> reports, java.util.function.Consumer<Annotated> work) {
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            reports.forEach(work);
        }
        long[] nanos = new long[reports.size() * TIMED_PASSES];
        int k = 0;
        for (int i = 0; i < TIMED_PASSES; i++) {
            for (Annotated a : reports) {
                long t0 = System.nanoTime();
                work.accept(a);
                nanos[k++] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }

    static List<Annotated> load(Path dir) throws IOException {
        List<Annotated> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                out.add(parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    private static Annotated parse(String file, String content) {
        int cut = content.indexOf("\n---\n");
        String text = content.substring(cut + 5);
        String split = null;
        Instant published = null;
        List<Expected> incidents = new ArrayList<>();
        List<Trap> traps = new ArrayList<>();
        for (String line : content.substring(0, cut).split("\n")) {
            String body = line.substring(2);
            String key = body.substring(0, body.indexOf(':'));
            String value = body.substring(body.indexOf(':') + 1).trim();
            String[] f = value.split("\\s*\\|\\s*");
            switch (key) {
                case "split" -> split = value;
                case "language" -> { }
                case "published" -> published = Instant.parse(value);
                case "incident" -> {
                    String[] lonLat = f[1].split(" ");
                    incidents.add(new Expected(f[0], Double.parseDouble(lonLat[0]), Double.parseDouble(lonLat[1]),
                            count(f[2]), count(f[3])));
                }
                case "trap" -> traps.add(new Trap(f[0], f[1]));
                default -> throw new IllegalArgumentException(file + ": unknown header " + key);
            }
        }
        return new Annotated(file, split, new Report(text, published, "bench", file), incidents, traps);
    }

    private static Integer count(String field) {
        String v = field.substring(field.indexOf('=') + 1);
        return v.equals("-") ? null : Integer.valueOf(v);
    }
}
