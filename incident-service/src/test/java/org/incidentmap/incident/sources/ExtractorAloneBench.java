package org.incidentmap.incident.sources;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.incidentmap.incident.extraction.Report;
import org.incidentmap.incident.extraction.ReportExtractor;
import org.incidentmap.incident.geocoder.GeoparseMentionResolver;
import org.incidentmap.incident.geocoder.GeoparseRequest;
import org.incidentmap.incident.geocoder.GeoparseResponse;

/**
 * The peer of deploy/bench/feed-ingest: the same texts through the extractor alone (a /geoparse
 * round trip to the same geocoding-service, then extraction), one after another as a source's items
 * go, without feed, database or review queue. Prints one items/s figure per pass.
 *
 * <p>Arguments: the texts file (one per line), the geocoder's base URL, the number of passes.
 */
public final class ExtractorAloneBench {

    private ExtractorAloneBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> texts = Files.readAllLines(Path.of(args[0]));
        URI geoparse = URI.create(args[1] + "/geoparse");
        int passes = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        for (int pass = 0; pass < passes; pass++) {
            long start = System.nanoTime();
            int candidates = 0;
            for (String text : texts) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(geoparse).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(new GeoparseRequest(text))))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("/geoparse answered " + r.statusCode());
                }
                GeoparseResponse answer = json.readValue(r.body(), GeoparseResponse.class);
                candidates += new ReportExtractor(new GeoparseMentionResolver(answer))
                        .extract(new Report(text, Instant.parse("2026-11-21T00:00:00Z"), "bench", null)).candidates().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "extractor-alone pass %d: %d texts, %d candidates, %.2f s, %.1f items/s%n",
                    pass + 1, texts.size(), candidates, seconds, texts.size() / seconds);
        }
    }
}
