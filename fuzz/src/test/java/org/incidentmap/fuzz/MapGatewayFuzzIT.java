package org.incidentmap.fuzz;

import static org.incidentmap.fuzz.Hostile.between;
import static org.incidentmap.fuzz.Hostile.pick;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of map-gateway under generated malformed and adversarial requests, with the real
 * incident-service and geocoding-service behind it: never a 5xx, never a row written by a refused request (the report
 * proxy writes through incident-service), every refusal problem+json naming the parameter.
 */
class MapGatewayFuzzIT {

    private static final List<String> ITEM_PARAMS = List.of("bbox", "datetime", "limit", "cursor", "f", "eventType",
            "status", "admin1", "minKilled", "filter", "filter-lang", "filter-crs", "count", "sortby", "crs", "bbox-crs");
    private static final List<String> STREAM_PARAMS = List.of("since", "bbox", "eventType", "minKilled");
    private static final List<String> PLACE_PARAMS = List.of("q", "q", "limit");

    private static Target target;
    private static Rows rows;
    private static String editor;
    private static List<String> unfit;
    private static String incident;
    private static String report;

    @BeforeAll
    static void start() {
        Stack stack = Stack.get();
        rows = new Rows(Rows.INCIDENT_TABLES);
        target = new Target("map-gateway", stack.gateway, rows, 3, (probe, answer) -> { });
        editor = Tokens.editor();
        unfit = Tokens.unfit();
        RawHttp.Answer created = RawHttp.send(stack.incidents, new Probe("POST", "/incidents", List.of(),
                IncidentServiceFuzzIT.FLAT.getBytes(StandardCharsets.UTF_8))
                .with("Content-Type", "application/json").with("Authorization", "Bearer " + editor));
        incident = Hostile.parse(created.text()).path("id").asText();
        RawHttp.Answer submitted = RawHttp.send(stack.gateway, new Probe("POST", "/api/reports", List.of(),
                IncidentServiceFuzzIT.REPORT.getBytes(StandardCharsets.UTF_8))
                .with("Content-Type", "application/json").with("Authorization", "Bearer " + editor));
        report = Hostile.parse(submitted.text()).path("id").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        target.report();
        rows.close();
        ServiceLogs.holdNoToken("map-gateway", editor, unfit);
    }

    @Test
    void layersAndTheStreamWithHostileParametersNeverFailTheServer() {
        target.check(in -> {
            String items = Hostile.query(ITEM_PARAMS).generate(in);
            return switch (between(in, 0, 9)) {
                case 0, 1, 2 -> Probe.get("/ogc/collections/incidents/items" + items);
                case 3 -> Probe.get("/ogc/collections/oblast-stats/items" + items);
                case 4 -> Probe.get("/ogc/collections/oblast-stats/items/" + pick(in, List.of("Kharkivska", "%00",
                        "Kyiv%20City", "%ED%A0%80", "..%2F..", Hostile.encoded(in, Hostile.text().generate(in)))));
                case 5 -> Probe.get("/ogc/collections/" + pick(in, List.of("incidents", "oblast-stats", "other", "%00"))
                        + pick(in, List.of("", "/items/" + incident, "/items/" + UUID.randomUUID(), "/items/x")));
                case 6 -> Probe.get(pick(in, List.of("/ogc", "/ogc/conformance", "/ogc/collections", "/",
                        "/outlines/countries.topo.json", "/q/openapi?format=json")) + items);
                default -> {
                    Probe stream = Probe.get("/stream" + Hostile.query(STREAM_PARAMS).generate(in));
                    yield between(in, 0, 2) == 0 ? stream.with("Last-Event-ID", pick(in, List.of("0", "-1", "x",
                            "99999999999999999999", "1.5", ""))) : stream;
                }
            };
        });
    }

    @Test
    void thePlaceSearchWithHostileParametersNeverFailsTheServer() {
        target.check(in -> Probe.get("/api/places" + Hostile.query(PLACE_PARAMS).generate(in)));
    }

    @Test
    void theReportProxyNeverFailsTheServerAndRefusedCallsWriteNothing() {
        target.check(in -> {
            String path = switch (between(in, 0, 3)) {
                case 0, 1 -> "/api/reports";
                default -> "/api/reports/" + (between(in, 0, 3) == 0 ? pick(in, List.of("x", "%00", UUID.randomUUID().toString()))
                        : report) + "/candidates/" + pick(in, List.of("0", "1", "-1", "x", "99999999999"))
                        + "/" + pick(in, List.of("accept", "reject"));
            };
            List<String> seeds = path.endsWith("/reject") ? List.of("{\"reason\":\"older story\"}")
                    : path.endsWith("/accept") ? List.of("{\"actor\":\"Russia\"}") : List.of(IncidentServiceFuzzIT.REPORT);
            Probe probe = new Probe("POST", path, List.of(), Hostile.mutated(seeds).generate(in));
            String type = Hostile.contentType("application/json").generate(in);
            Probe typed = type.isEmpty() ? probe : probe.with("Content-Type", type);
            String authorization = Hostile.authorization(editor, unfit).generate(in);
            return authorization == null ? typed : typed.with("Authorization", authorization);
        });
    }
}
