package org.incidentmap.fuzz;

import static org.incidentmap.fuzz.Hostile.between;
import static org.incidentmap.fuzz.Hostile.pick;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Every endpoint of incident-service under generated malformed and adversarial requests: never a
 * 5xx, never a row written by a refused request, every refusal problem+json naming what was wrong.
 */
class IncidentServiceFuzzIT {

    static final String FEATURE = """
            {"type":"Feature","geometry":{"type":"Point","coordinates":[35.19,47.84]},
             "properties":{"eventType":"Explosions/Remote violence","subEventType":"Air/drone strike",
               "weapons":["drone"],"targets":["energy infrastructure"],"occurredOn":"2025-03-02","timePrecision":1,
               "geoPrecision":1,"placeName":"Zaporizhzhia","admin1":"Zaporizka","country":"UA","killed":2,
               "killedAtLeast":false,"injured":5,"injuredAtLeast":true,"status":"reported","actor":"Unknown",
               "sources":[{"outlet":"Suspilne","url":"https://suspilne.example/zp","publishedAt":"2025-03-02T07:00:00Z",
                           "excerpt":"Two people died"}],
               "claims":[{"claimant":"Regional administration","killed":2,"injured":6,"statement":"two dead"}]}}""";
    static final String FLAT = """
            {"eventType":"Battles","subEventType":"Armed clash","occurredOn":"2025-01-15","placeName":"Kupiansk",
             "country":"UA","latitude":49.71,"longitude":37.61,"killed":0,"injured":1,"weapons":["artillery"]}""";
    static final String REPORT = """
            {"text":"A drone struck a house in Kharkiv on 3 March, killing two people and injuring four, the governor said.",
             "source":{"outlet":"Fuzz Daily","url":"https://fuzz.example/kharkiv-0303","publishedAt":"2025-03-04T08:00:00Z"}}""";
    private static final List<String> PATCHES = List.of("{\"killed\":4,\"injuredAtLeast\":true,\"reason\":\"toll updated\"}",
            """
            {"type":"Feature","geometry":{"type":"Point","coordinates":[37.6,49.7]},
             "properties":{"placeName":"Kupiansk","killed":1,"actor":null},"reason":"located"}""");
    private static final String STATUS = "{\"status\":\"disputed\",\"reason\":\"conflicting reports\"}";
    private static final String SOURCE = """
            {"outlet":"Ukrinform","url":"https://ukrinform.example/a","publishedAt":"2025-01-16T10:00:00Z","excerpt":"one wounded"}""";
    private static final String CLAIM = """
            {"claimant":"General Staff","killed":3,"killedAtLeast":true,"injured":null,"statement":"three dead",
             "sourceUrl":"https://staff.example/x"}""";
    private static final String CSV_HEAD = "event_date,event_type,sub_event_type,country,admin1,location,latitude,longitude,"
            + "fatalities,injuries,source,weapons";
    private static final List<String> CSV_ROW = List.of("15 January 2025", "Battles", "Armed clash", "Ukraine", "Kharkivska",
            "Kupiansk", "49.71", "37.61", "1", "2", "ACLED", "artillery;drone");
    private static final List<String> LIST_PARAMS = List.of("bbox", "datetime", "eventType", "status", "admin1",
            "minKilled", "filter", "filter-lang", "limit", "cursor", "count", "f", "by", "after", "sortby", "crs", "bbox-crs");

    private static Target target;
    private static Rows rows;
    private static String editor;
    private static List<String> unfit;
    private static String incident;
    private static String report;

    @BeforeAll
    static void start() {
        int port = Stack.get().incidents;
        rows = new Rows(Rows.INCIDENT_TABLES);
        target = new Target("incident-service", port, rows, 4, IncidentServiceFuzzIT::awaitImport);
        editor = Tokens.editor();
        unfit = Tokens.unfit();
        incident = created(port, new Probe("POST", "/incidents", List.of(), FLAT.getBytes(StandardCharsets.UTF_8))
                .with("Content-Type", "application/json").with("Authorization", "Bearer " + editor));
        report = created(port, new Probe("POST", "/reports", List.of(), REPORT.getBytes(StandardCharsets.UTF_8))
                .with("Content-Type", "application/json").with("Authorization", "Bearer " + editor));
    }

    @AfterAll
    static void stop() throws Exception {
        target.report();
        rows.close();
        ServiceLogs.holdNoToken("incident-service", editor, unfit);
    }

    @Test
    void incidentCommandsNeverFailTheServerAndRefusedOnesWriteNothing() {
        target.check(in -> switch (between(in, 0, 5)) {
            case 0, 1 -> write(in, "POST", "/incidents", pick(in, List.of("application/json", "application/geo+json")),
                    List.of(FEATURE, FLAT));
            case 2 -> write(in, "PATCH", "/incidents/" + id(in), "application/merge-patch+json", PATCHES)
                    .with("If-Match", pick(in, List.of("\"1\"", "1", "W/\"2\"", "\"999999999999\"", "*", "\"x\"", "")));
            case 3 -> write(in, "POST", "/incidents/" + id(in) + "/status", "application/json", List.of(STATUS));
            case 4 -> write(in, "POST", "/incidents/" + id(in) + "/sources", "application/json", List.of(SOURCE));
            default -> write(in, "POST", "/incidents/" + id(in) + "/claims", "application/json", List.of(CLAIM));
        });
    }

    @Test
    void reportReviewNeverFailsTheServerAndRefusedRequestsWriteNothing() {
        target.check(in -> switch (between(in, 0, 3)) {
            case 0, 1 -> write(in, "POST", "/reports", "application/json", List.of(REPORT));
            case 2 -> write(in, "POST", "/reports/" + reportId(in) + "/candidates/" + candidate(in) + "/reject",
                    "application/json", List.of("{\"reason\":\"duplicate of an earlier report\"}"));
            default -> write(in, "POST", "/reports/" + reportId(in) + "/candidates/" + candidate(in) + "/accept",
                    "application/json", List.of("{\"actor\":\"Russia\",\"killed\":2}", "{}"));
        });
    }

    @Test
    void importsOfBrokenFilesNeverFailTheServer() {
        target.check(in -> between(in, 0, 1) == 0
                ? write(in, "POST", "/imports", "application/geo+json",
                        List.of("{\"type\":\"FeatureCollection\",\"features\":[" + FEATURE + "]}"))
                : authorised(in, new Probe("POST", "/imports", List.of(), csv(in)), "text/csv"));
    }

    @Test
    void readsWithHostileParametersNeverFailTheServer() {
        target.check(in -> {
            String query = Hostile.query(LIST_PARAMS).generate(in);
            Probe probe = switch (between(in, 0, 6)) {
                case 0, 1 -> Probe.get("/incidents" + query);
                case 2 -> Probe.get("/stats" + query);
                case 3 -> Probe.get("/events" + query);
                case 4 -> Probe.get("/incidents/" + id(in) + pick(in, List.of("", "/history")) + query);
                case 5 -> Probe.get("/imports/" + id(in));
                default -> Probe.get("/reports/" + reportId(in)).with("Authorization", "Bearer " + editor);
            };
            return between(in, 0, 3) == 0 ? probe.with("Accept", pick(in, List.of("text/csv", "application/xml",
                    "application/geo+json", "*/*", "text/event-stream", "nonsense"))) : probe;
        });
    }

    private static Probe write(RandomnessSource in, String method, String path, String type, List<String> seeds) {
        return authorised(in, new Probe(method, path, List.of(), Hostile.mutated(seeds).generate(in)), type);
    }

    private static Probe authorised(RandomnessSource in, Probe probe, String type) {
        String contentType = Hostile.contentType(type).generate(in);
        Probe typed = contentType.isEmpty() ? probe : probe.with("Content-Type", contentType);
        String authorization = Hostile.authorization(editor, unfit).generate(in);
        return authorization == null ? typed : typed.with("Authorization", authorization);
    }

    private static byte[] csv(RandomnessSource in) {
        List<String> cells = new java.util.ArrayList<>(CSV_ROW);
        int at = between(in, 0, cells.size() - 1);
        cells.set(at, pick(in, List.of("", "1.5", "-3", "\"2\"", "x,y", "\"unterminated", "99999999999999999999",
                "NaN", "2025-13-45", "\u0000", "\ud800", "Україна")));
        String body = CSV_HEAD + "\n" + String.join(",", cells) + "\n";
        return switch (between(in, 0, 3)) {
            case 0 -> body.replace("fatalities", "fatalities,fatalities").getBytes(StandardCharsets.UTF_8);
            case 1 -> body.substring(0, between(in, 0, body.length())).getBytes(StandardCharsets.UTF_8);
            default -> body.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String id(RandomnessSource in) {
        return switch (between(in, 0, 5)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> pick(in, List.of("not-a-uuid", "%00", "..%2F..%2Fevents", "00000000-0000-0000-0000-000000000000",
                    incident.toUpperCase(), incident + "x", "%ED%A0%80"));
            default -> incident;
        };
    }

    private static String reportId(RandomnessSource in) {
        return between(in, 0, 4) == 0 ? pick(in, List.of(UUID.randomUUID().toString(), "x", "%00")) : report;
    }

    private static String candidate(RandomnessSource in) {
        return pick(in, List.of("0", "0", "1", "-1", "2147483648", "x", "%00", "1.5"));
    }

    /** An accepted import goes on writing after its 202: wait for it to finish before rows are counted. */
    private static void awaitImport(Probe probe, RawHttp.Answer answer) {
        String location = answer.header("location");
        if (!probe.target().equals("/imports") || answer.status() >= 300 || location == null) {
            return;
        }
        String path = location.replaceFirst("^https?://[^/]+", "");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            String state = Hostile.parse(RawHttp.send(target.port(), Probe.get(path)).text()).path("state").asText();
            if (state.equals("done") || state.equals("failed")) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("import " + path + " did not finish within 120 s (state: queued or running)");
    }

    private static String created(int port, Probe probe) {
        RawHttp.Answer answer = RawHttp.send(port, probe);
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IllegalStateException("setup request failed: " + answer.status() + " " + answer.text());
        }
        return Hostile.parse(answer.text()).path("id").asText();
    }
}
