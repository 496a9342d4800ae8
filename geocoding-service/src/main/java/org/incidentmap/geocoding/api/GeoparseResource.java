package org.incidentmap.geocoding.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentmap.geocoding.geoparse.Geoparser;

/** Text in, place mentions out. */
@Path("/geoparse")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GeoparseResource {

    private final Geoparser geoparser;

    GeoparseResource(Geoparser geoparser) {
        this.geoparser = geoparser;
    }

    /** The text to geoparse. */
    public record GeoparseRequest(String text) {
    }

    public record GeoparseResponse(List<Map<String, Object>> mentions) {
    }

    @POST
    public Uni<GeoparseResponse> geoparse(GeoparseRequest request) {
        if (request == null) {
            throw new BadRequest("body", "a JSON object with the text is required");
        }
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw new BadRequest("text", "text must not be empty");
        }
        return geoparser.parse(Inputs.text("text", text, Inputs.MAX_TEXT)).map(mentions -> new GeoparseResponse(mentions.stream().map(m -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("text", m.text());
            out.put("start", m.start());
            out.put("end", m.end());
            out.put("incidentLocation", m.incidentLocation());
            out.put("reason", m.reason());
            out.put("place", m.place() == null ? null : GeoJson.feature(m.place()));
            out.put("kind", m.kind().wire());
            out.put("evidence", m.evidence() == null ? null : m.evidence().wire());
            if (m.countryCode() != null) {
                out.put("countryCode", m.countryCode());
            }
            return out;
        }).toList()));
    }
}
