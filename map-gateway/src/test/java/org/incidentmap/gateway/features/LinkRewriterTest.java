package org.incidentmap.gateway.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LinkRewriterTest {

    private static final String BODY = """
            {"type":"FeatureCollection","seq":42,"features":[{"type":"Feature","geometry":{"type":"Point",\
            "coordinates":[36.2304,49.9935]},"properties":{"placeName":"Kharkiv \\"centre\\"","killed":12,\
            "killedAtLeast":true,"injured":null}}],"links":[{"rel":"next",\
            "href":"http://incidents:8081/incidents?cursor=abc&limit=1"}]}""";

    @Test
    void everySplitOfTheUpstreamBodyStaysValidJsonWhenTheServerSeparatesChunksWithNewlines() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var expected = json.readTree(BODY.replace("http://incidents:8081/incidents?", "http://gw/ogc/collections/incidents/items?"));
        for (int a = 1; a < BODY.length() - 1; a++) {
            for (int b = a + 1; b < BODY.length(); b += 7) {
                List<Buffer> upstream = List.of(
                        Buffer.buffer(BODY.substring(0, a)), Buffer.buffer(BODY.substring(a, b)), Buffer.buffer(BODY.substring(b)));
                List<Buffer> out = new LinkRewriter("http://incidents:8081/incidents?", "http://gw/ogc/collections/incidents/items?")
                        .rewrite(Multi.createFrom().iterable(upstream))
                        .collect().asList().await().indefinitely();
                String written = out.stream().map(Buffer::toString).collect(Collectors.joining("\n"));
                assertThat(json.readTree(written)).as("split at %d and %d: %s", a, b, written).isEqualTo(expected);
            }
        }
    }
}
