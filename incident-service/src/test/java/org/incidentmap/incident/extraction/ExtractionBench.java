package org.incidentmap.incident.extraction;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.incidentmap.incident.geocoder.GeoparseMentionResolver;
import org.incidentmap.incident.geocoder.GeoparseRequest;
import org.incidentmap.incident.geocoder.GeoparseResponse;

/**
 * Scores {@link ReportExtractor} against the annotated reports of deploy/bench/ingest, with places from
 * a running geocoding-service's {@code POST /geoparse} (the mapping the service itself uses), and times
 * it. Run through deploy/bench/ingest-eval, which starts the geocoder. A candidate matches an annotated
 * incident within 15 km (one candidate per incident); killed and injured (value and at-least flag) are
 * scored apart on the matched pairs; a candidate matching nothing is a false marker, put down to the trap
 * whose phrase its place or evidence holds. Printed per split and language.
 *
 * <p>Arguments: the set's directory, {@code --geocoder URL}, {@code --holdout} to score the held-out
 * reports instead of dev, or {@code --split NAME} for another frozen held-out part written later (any split
 * but dev is refused when a file differs from its SHA256SUMS), {@code --verbose} (every miss,
 * wrong figure and false marker), {@code --no-timing} (scores only).
 */
public final class ExtractionBench {

    private static final double MATCH_KM = 15.0;
    private static final int WARM_UP_PASSES = 20;
    private static final int TIMED_PASSES = 20;
    private static final List<String> LANGUAGES = List.of("en", "uk", "ru");

    record Figure(Integer value, boolean atLeast) {
        static Figure parse(String field) {
            String v = field.substring(field.indexOf('=') + 1).trim();
            if (v.equals("-")) {
                return new Figure(null, false);
            }
            boolean atLeast = v.endsWith("+");
            return new Figure(Integer.valueOf(atLeast ? v.substring(0, v.length() - 1) : v), atLeast);
        }

        boolean same(Integer got, boolean gotAtLeast) {
            return value == null ? got == null : value.equals(got) && atLeast == gotAtLeast;
        }
    }

    record Expected(String name, double lon, double lat, Figure killed, Figure injured) {
    }

    record Trap(String kind, String phrase) {
    }

    record Annotated(String file, String split, String language, Report report, List<Expected> incidents,
            List<Trap> traps) {
    }

    private static final class Score {
        int expected;
        int predicted;
        int matched;
        int killedRight;
        int injuredRight;
        int bothRight;
        final Map<String, Integer> falseMarkers = new TreeMap<>();
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path set = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "deploy/bench/ingest");
        boolean verbose = a.contains("--verbose");
        boolean holdout = a.contains("--holdout");
        boolean timing = !a.contains("--no-timing");
        String geocoder = a.contains("--geocoder") ? a.get(a.indexOf("--geocoder") + 1) : "http://127.0.0.1:30111";
        String split = a.contains("--split") ? a.get(a.indexOf("--split") + 1) : holdout ? "holdout" : "dev";

        List<Annotated> reports = new ArrayList<>();
        for (String language : LANGUAGES) {
            Path dir = set.resolve(split).resolve(language);
            if (!split.equals("dev")) {
                verifyChecksums(dir);
            }
            reports.addAll(load(dir));
        }
        Geoparse geoparse = new Geoparse(geocoder);
        Map<Annotated, GeoparseResponse> answers = new LinkedHashMap<>();
        for (Annotated r : reports) {
            answers.put(r, geoparse.ask(r.report().text()));
        }
        ReportExtractor probe = new ReportExtractor((text, mentions) -> List.of());
        Map<String, Score> scores = new TreeMap<>((x, y) -> order(x) - order(y));
        int languageRight = 0;
        for (Annotated r : reports) {
            Extraction x = new ReportExtractor(new GeoparseMentionResolver(answers.get(r))).extract(r.report());
            languageRight += x.language().code().equals(r.language()) ? 1 : 0;
            score(r, x, scores.computeIfAbsent(r.split() + " " + r.language(), k -> new Score()), verbose);
            score(r, x, scores.computeIfAbsent(r.split() + " all", k -> new Score()), false);
        }
        System.out.printf(Locale.ROOT, "ingest-eval: %d %s reports, geocoder %s; language detected right in %d%n",
                reports.size(), split, geocoder, languageRight);
        System.out.println("set          reports-incidents  precision        recall           killed right   "
                + "injured right  both right     false markers by class");
        scores.forEach((name, s) -> System.out.printf(Locale.ROOT,
                "%-12s %4d-%-13d %.3f (%3d/%3d)  %.3f (%3d/%3d)  %.3f (%3d)    %.3f (%3d)    %.3f (%3d)    %s%n",
                name, count(reports, name), s.expected, ratio(s.matched, s.predicted), s.matched, s.predicted,
                ratio(s.matched, s.expected), s.matched, s.expected, ratio(s.killedRight, s.matched), s.killedRight,
                ratio(s.injuredRight, s.matched), s.injuredRight, ratio(s.bothRight, s.matched), s.bothRight,
                s.falseMarkers));

        for (String language : timing ? LANGUAGES : List.<String>of()) {
            List<Annotated> of = reports.stream().filter(r -> r.language().equals(language)).toList();
            if (of.isEmpty()) {
                continue;
            }
            double extractMs = medianMs(of, r -> new ReportExtractor(new GeoparseMentionResolver(answers.get(r)))
                    .extract(r.report()));
            double detectMs = medianMs(of, r -> probe.extract(r.report()));
            double geoparseMs = medianMs(of, r -> geoparse.ask(r.report().text()), 3, 5);
            System.out.printf(Locale.ROOT, "%s: median ms/report after warm-up: extraction %.3f (of it language "
                    + "detection and rules without places %.3f); /geoparse round trip %.3f; together %.3f; "
                    + "budget 50 ms%n", language, extractMs, detectMs, geoparseMs, extractMs + geoparseMs);
        }
    }

    /** en, uk, ru, then all. */
    private static int order(String name) {
        int i = LANGUAGES.indexOf(name.substring(name.indexOf(' ') + 1));
        return i < 0 ? LANGUAGES.size() : i;
    }

    private static long count(List<Annotated> reports, String name) {
        String[] parts = name.split(" ");
        return reports.stream().filter(r -> r.split().equals(parts[0])
                && (parts[1].equals("all") || r.language().equals(parts[1]))).count();
    }

    private static void score(Annotated a, Extraction x, Score s, boolean verbose) {
        s.expected += a.incidents().size();
        s.predicted += x.candidates().size();
        List<Candidate> unmatched = new ArrayList<>(x.candidates());
        for (Expected e : a.incidents()) {
            Candidate hit = unmatched.stream().filter(c -> near(c, e))
                    .min((c1, c2) -> Double.compare(km(c1, e), km(c2, e))).orElse(null);
            if (hit == null) {
                if (verbose) {
                    System.out.printf(Locale.ROOT, "  MISS  %s %s %.5f %.5f killed=%s injured=%s%n", a.file(), e.name(),
                            e.lon(), e.lat(), show(e.killed()), show(e.injured()));
                }
                continue;
            }
            unmatched.remove(hit);
            s.matched++;
            boolean killed = e.killed().same(hit.killed(), hit.killedAtLeast());
            boolean injured = e.injured().same(hit.injured(), hit.injuredAtLeast());
            s.killedRight += killed ? 1 : 0;
            s.injuredRight += injured ? 1 : 0;
            s.bothRight += killed && injured ? 1 : 0;
            if (verbose && !(killed && injured)) {
                System.out.printf("  FIGS  %s %s want killed=%s injured=%s got killed=%s%s injured=%s%s%n", a.file(),
                        e.name(), show(e.killed()), show(e.injured()), hit.killed(), hit.killedAtLeast() ? "+" : "",
                        hit.injured(), hit.injuredAtLeast() ? "+" : "");
            }
        }
        for (Candidate c : unmatched) {
            String kind = markerClass(a, c);
            s.falseMarkers.merge(kind, 1, Integer::sum);
            if (verbose) {
                System.out.printf(Locale.ROOT, "  FALSE %s %s %.5f %.5f %s (%s, \"%s\") killed=%s injured=%s: %s%n",
                        a.file(), c.place().name(), c.place().lon(), c.place().lat(), c.place().precision(), kind,
                        c.place().mention().text(), c.killed(), c.injured(),
                        c.evidence().get(0).text().replace('\n', ' '));
            }
        }
    }

    private static String show(Figure f) {
        return f.value() == null ? "-" : f.value() + (f.atLeast() ? "+" : "");
    }

    /** A wrong place is put down to the trap it fell into (venue, grouping, total…), else "other". */
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
        return km(c, e) <= MATCH_KM;
    }

    private static double km(Candidate c, Expected e) {
        return Geo.km(c.place().lon(), c.place().lat(), e.lon(), e.lat());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    private static double medianMs(List<Annotated> reports, Consumer<Annotated> work) {
        return medianMs(reports, work, WARM_UP_PASSES, TIMED_PASSES);
    }

    private static double medianMs(List<Annotated> reports, Consumer<Annotated> work, int warmUps, int passes) {
        for (int i = 0; i < warmUps; i++) {
            reports.forEach(work);
        }
        long[] nanos = new long[reports.size() * passes];
        int k = 0;
        for (int i = 0; i < passes; i++) {
            for (Annotated a : reports) {
                long t0 = System.nanoTime();
                work.accept(a);
                nanos[k++] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }

    /** The held-out set is frozen: a file that differs from its checksum means the set was changed. */
    private static void verifyChecksums(Path dir) throws IOException, NoSuchAlgorithmException {
        Path sums = dir.resolve("SHA256SUMS");
        if (!Files.exists(sums)) {
            throw new IllegalStateException(sums + " missing: the held-out set cannot be verified");
        }
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+\\*?", 2);
            byte[] content = Files.readAllBytes(dir.resolve(f[1]));
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            if (!actual.equalsIgnoreCase(f[0])) {
                throw new IllegalStateException(dir.resolve(f[1]) + " differs from SHA256SUMS; refusing to score");
            }
        }
    }

    static List<Annotated> load(Path dir) throws IOException {
        List<Annotated> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
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
        String language = null;
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
                case "language" -> language = value;
                case "style", "claim" -> { }
                case "published" -> published = java.time.OffsetDateTime.parse(value).toInstant();
                case "incident" -> {
                    String[] lonLat = f[1].split(" ");
                    incidents.add(new Expected(f[0], Double.parseDouble(lonLat[0]), Double.parseDouble(lonLat[1]),
                            Figure.parse(f[2]), Figure.parse(f[3])));
                }
                case "trap" -> traps.add(new Trap(f[0], f[1]));
                default -> throw new IllegalArgumentException(file + ": unknown header " + key);
            }
        }
        return new Annotated(file, split, language, new Report(text, published, "bench", file), incidents, traps);
    }

    /** geocoding-service's {@code POST /geoparse} over plain HTTP, read with the service client's records. */
    private static final class Geoparse {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        private final URI uri;

        Geoparse(String base) {
            this.uri = URI.create(base + "/geoparse");
        }

        GeoparseResponse ask(String text) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(new GeoparseRequest(text))))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("/geoparse answered " + r.statusCode() + ": " + r.body());
                }
                return json.readValue(r.body(), GeoparseResponse.class);
            } catch (IOException e) {
                throw new IllegalStateException("/geoparse unreachable at " + uri, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
