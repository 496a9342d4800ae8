package org.incidentmap.gateway.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LineChunksTest {

    /** A KML head, two placemarks (one with a line feed in its text) and an empty line, as upstream ends it. */
    private static final String BODY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>incidents</name>
            <Placemark id="a"><name>Kharkiv</name><description>first line
            second line</description></Placemark>

            <Placemark id="b"><name>Sumy, "centre"</name></Placemark>
            </Document></kml>
            """;

    @Test
    void everySplitOfTheUpstreamBodyComesOutByteForByteWhenTheServerEndsEachChunkWithALineFeed() {
        for (int a = 0; a < BODY.length(); a++) {
            for (int b = a; b <= BODY.length(); b += 3) {
                List<Buffer> upstream = List.of(
                        Buffer.buffer(BODY.substring(0, a)), Buffer.buffer(BODY.substring(a, b)), Buffer.buffer(BODY.substring(b)));
                List<Buffer> out = LineChunks.cut(Multi.createFrom().iterable(upstream)).collect().asList().await().indefinitely();
                String written = out.stream().map(chunk -> chunk + "\n").collect(Collectors.joining());
                assertThat(written).as("split at %d and %d", a, b).isEqualTo(BODY);
                assertThat(out).as("no chunk is empty: the writer would turn it into a blank line").allMatch(c -> c.length() > 0);
            }
        }
    }
}
