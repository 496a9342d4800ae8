package org.incidentmap.gateway.reports;

import com.sun.net.httpserver.HttpServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.testsupport.JsonStandIn;

/**
 * The real incident-service with a stand-in for geocoding-service's POST /geoparse (another module)
 * that knows two places, Chuhuiv and Balakliia, so a report that names one gets a resolved candidate.
 */
public class IncidentServiceWithGeoparse extends IncidentServiceProcess {

    static final String PLACE = "Chuhuiv";
    private HttpServer geoparse;

    @Override
    protected Map<String, String> extraSystemProperties() {
        geoparse = JsonStandIn.start("/geoparse", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                return answer(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
        return Map.of("quarkus.rest-client.geoparse.url", JsonStandIn.url(geoparse));
    }

    /** A place the stand-in resolves: its name as written in the tests' texts, position and gazetteer entry. */
    record Place(String name, double lon, double lat, long geonameid, int population) {
    }

    static final Place CHUHUIV = new Place(PLACE, 36.6889, 49.8356, 712165, 30000);
    static final Place BALAKLIIA = new Place("Balakliia", 36.8386, 49.4627, 713174, 26000);
    private static final List<Place> PLACES = List.of(CHUHUIV, BALAKLIIA);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first mention of each known place in the posted text, with offsets into the text as sent. */
    private static String answer(String requestJson) {
        String text;
        try {
            text = JSON.readTree(requestJson).path("text").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode mentions = answer.putArray("mentions");
        for (Place place : PLACES) {
            int at = text.indexOf(place.name());
            if (at < 0) {
                continue;
            }
            ObjectNode mention = mentions.addObject().put("text", place.name()).put("start", at)
                    .put("end", at + place.name().length()).put("incidentLocation", true).put("reason", "strike location");
            ObjectNode feature = mention.putObject("place").put("type", "Feature");
            feature.putObject("geometry").put("type", "Point").putArray("coordinates").add(place.lon()).add(place.lat());
            feature.putObject("properties").put("geonameid", place.geonameid()).put("name", place.name())
                    .put("matchedName", place.name()).put("featureClass", "P").put("featureCode", "PPL")
                    .put("admin1", "Kharkivska").putNull("admin2").put("country", "UA")
                    .put("population", place.population()).put("score", 0.95).put("precision", "settlement")
                    .put("ambiguous", false);
        }
        return answer.toString();
    }

    @Override
    public void stop() {
        super.stop();
        if (geoparse != null) {
            geoparse.stop(0);
        }
    }
}
