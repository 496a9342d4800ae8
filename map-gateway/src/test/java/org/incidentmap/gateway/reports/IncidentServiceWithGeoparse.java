package org.incidentmap.gateway.reports;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.incidentmap.gateway.support.IncidentServiceProcess;
import org.incidentmap.testsupport.JsonStandIn;

/**
 * The real incident-service with a stand-in for geocoding-service's POST /geoparse (another module)
 * that knows one place, Chuhuiv, so a pasted report gets a resolved candidate.
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

    /** The mention of Chuhuiv in the posted JSON's text; offsets match because the text has no escapes before it. */
    private static String answer(String requestJson) {
        int textStart = requestJson.indexOf("\"text\":\"") + 8;
        int at = requestJson.indexOf(PLACE, textStart);
        if (at < 0) {
            return "{\"mentions\":[]}";
        }
        int start = at - textStart;
        return """
                {"mentions":[{"text":"%s","start":%d,"end":%d,"incidentLocation":true,"reason":"strike location",
                 "place":{"type":"Feature","geometry":{"type":"Point","coordinates":[36.6889,49.8356]},
                  "properties":{"geonameid":712165,"name":"%s","matchedName":"%s","featureClass":"P","featureCode":"PPL",
                   "admin1":"Kharkivska","admin2":null,"country":"UA","population":30000,"score":0.95,
                   "precision":"settlement","ambiguous":false}}}]}"""
                .formatted(PLACE, start, start + PLACE.length(), PLACE, PLACE);
    }

    @Override
    public void stop() {
        super.stop();
        if (geoparse != null) {
            geoparse.stop(0);
        }
    }
}
