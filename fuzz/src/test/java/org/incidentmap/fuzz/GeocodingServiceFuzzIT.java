package org.incidentmap.fuzz;

import static org.incidentmap.fuzz.Hostile.between;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.RandomnessSource;

/**
 * Every endpoint of geocoding-service under generated malformed and adversarial requests: never a
 * 5xx, the gazetteer never written, every refusal problem+json naming the field.
 */
class GeocodingServiceFuzzIT {

    private static final List<String> BATCHES = List.of("""
            {"queries":[{"q":"Kiev"},{"q":"Yampil","context":"fighting near Lyman","country":"UA"},{"q":"Artemovsk"}]}""");
    private static final List<String> TEXTS = List.of("""
            {"text":"Russian drones struck Kharkiv overnight. The Dnepr group of forces said it took Yampil near Lyman."}""");

    private static Target target;
    private static Rows rows;

    @BeforeAll
    static void start() {
        rows = new Rows(Rows.GAZETTEER_TABLES);
        target = new Target("geocoding-service", Stack.get().geocoding, rows, 2, (probe, answer) -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        target.report();
        rows.close();
    }

    @Test
    void lookupsWithHostileParametersNeverFailTheServer() {
        target.check(in -> switch (between(in, 0, 3)) {
            case 0, 1 -> Probe.get("/geocode" + Hostile.query(List.of("q", "context", "country", "limit")).generate(in));
            case 2 -> Probe.get("/autocomplete" + Hostile.query(List.of("q", "q", "limit")).generate(in));
            default -> Probe.get("/reverse" + Hostile.query(List.of("lat", "lon")).generate(in));
        });
    }

    @Test
    void batchAndGeoparseBodiesNeverFailTheServer() {
        target.check(in -> between(in, 0, 1) == 0 ? post(in, "/geocode/batch", BATCHES) : post(in, "/geoparse", TEXTS));
    }

    private static Probe post(RandomnessSource in, String path, List<String> seeds) {
        Probe probe = new Probe("POST", path, List.of(), Hostile.mutated(seeds).generate(in));
        String type = Hostile.contentType("application/json").generate(in);
        return type.isEmpty() ? probe : probe.with("Content-Type", type);
    }
}
