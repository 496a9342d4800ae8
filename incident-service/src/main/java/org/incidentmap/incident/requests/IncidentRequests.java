package org.incidentmap.incident.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.incidentmap.incident.domain.ClaimInput;
import org.incidentmap.incident.domain.Coordinates;
import org.incidentmap.incident.domain.Dates;
import org.incidentmap.incident.domain.FieldError;
import org.incidentmap.incident.domain.IncidentDraft;
import org.incidentmap.incident.domain.IncidentFields;
import org.incidentmap.incident.domain.IncidentPatch;
import org.incidentmap.incident.domain.InvalidInputException;
import org.incidentmap.incident.domain.Point;
import org.incidentmap.incident.domain.SourceInput;

/**
 * Parses and validates the bodies of the incident commands. A new incident, and a revision of one,
 * comes as a GeoJSON Feature or, for people typing curl, as flat JSON with latitude/longitude beside
 * the properties; problems name the field by its path in the form sent.
 */
@ApplicationScoped
public class IncidentRequests {

    private static final Set<String> FEATURE_MEMBERS = Set.of("type", "id", "geometry", "properties");
    private static final Set<String> GEOMETRY_MEMBERS = Set.of("type", "coordinates");

    private final JsonBodies bodies;
    private final Clock clock = Clock.systemUTC();

    IncidentRequests(JsonBodies bodies) {
        this.bodies = bodies;
    }

    /** A status change: the new status and why. */
    public record StatusChange(
            @NotBlank @Pattern(regexp = "reported|verified|disputed|retracted",
                    message = "must be one of reported, verified, disputed, retracted") String status,
            @Size(max = 1000) String reason) {
    }

    public IncidentDraft create(byte[] body) {
        return draft(bodies.object(body));
    }

    /** A new incident from a JSON object read elsewhere (a Feature, or the flat form): an import row, an accepted candidate. */
    public IncidentDraft create(ObjectNode node) {
        JsonBodies.requireStorable(node, "");
        return draft(node);
    }

    private IncidentDraft draft(ObjectNode node) {
        return node.has("type") ? feature(node) : flat(node);
    }

    /**
     * A revision of incident {@code id}, as flat JSON or as a partial GeoJSON Feature. Either reads
     * as a JSON merge patch (RFC 7396) of its own shape: an absent member stays as it is, null
     * clears it. The reason is a top-level member in both (in a Feature, a foreign member).
     */
    public IncidentPatch patch(UUID id, byte[] body) {
        ObjectNode node = bodies.object(body).deepCopy();
        String reason = reason(node.remove("reason"));
        if (node.has("type")) {
            return featurePatch(id, node, reason);
        }
        if (node.has("geometry") || node.has("properties")) {
            throw InvalidInputException.of("type", "a Feature patch needs \"type\":\"Feature\"");
        }
        return flatPatch(node, reason);
    }

    private IncidentPatch flatPatch(ObjectNode node, String reason) {
        rejectCollections(node, "");
        boolean moves = node.has("latitude") || node.has("longitude");
        Double lat = number(node.remove("latitude"), "latitude");
        Double lon = number(node.remove("longitude"), "longitude");
        IncidentFields fields = bodies.bind(node, IncidentFields.class, "");
        checkDates(fields, "");
        List<FieldError> errors = Coordinates.check(lat, lon, fields.country(), "latitude", "longitude");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new IncidentPatch(fields, names(node), moves, lat == null ? null : new Point(lon, lat), reason,
                IncidentPatch.Form.FLAT);
    }

    private IncidentPatch featurePatch(UUID id, ObjectNode node, String reason) {
        checkFeature(node);
        JsonNode idMember = node.get("id");
        if (idMember != null && !idMember.isNull() && !id.toString().equals(idMember.asText())) {
            throw InvalidInputException.of("id", "is not the id of the incident in the URL; leave it out or send " + id);
        }
        JsonNode props = node.get("properties");
        if (props != null && !props.isObject()) {
            throw InvalidInputException.of("properties", "must be an object with the properties to change");
        }
        ObjectNode properties = props == null ? node.objectNode() : (ObjectNode) props;
        rejectCollections(properties, "properties.");
        IncidentFields fields = bodies.bind(properties, IncidentFields.class, "properties");
        checkDates(fields, "properties.");
        Point point = point(node.get("geometry"), fields.country());
        return new IncidentPatch(fields, names(properties), node.has("geometry"), point, reason,
                IncidentPatch.Form.FEATURE);
    }

    public SourceInput source(byte[] body) {
        SourceInput source = bodies.bind(bodies.object(body), SourceInput.class, "");
        if (Dates.isFuture(source.publishedAt(), clock)) {
            throw InvalidInputException.of("publishedAt", "must not be in the future");
        }
        return source;
    }

    public ClaimInput claim(byte[] body) {
        return bodies.bind(bodies.object(body), ClaimInput.class, "");
    }

    public StatusChange status(byte[] body) {
        return bodies.bind(bodies.object(body), StatusChange.class, "");
    }

    /** Parses an If-Match header holding the version (quoted as an ETag or bare). */
    public static int version(String ifMatch) {
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("If-Match", "must be the incident's version as its ETag gives it, e.g. \"3\"");
        }
    }

    public static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(404, "Not found", List.of(new FieldError("id", "is not an incident id")));
        }
    }

    /** A report candidate's number, from 0, as its path gives it. */
    public static int candidate(String n) {
        try {
            int value = Integer.parseInt(n);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for any number that names no candidate
        }
        throw new InvalidInputException(404, "Not found", List.of(new FieldError("n", "is not a candidate number")));
    }

    private IncidentDraft feature(ObjectNode node) {
        checkFeature(node);
        JsonNode props = node.get("properties");
        if (props == null || !props.isObject()) {
            throw InvalidInputException.of("properties", "must be an object with the incident's properties");
        }
        IncidentFields fields = bodies.bind(props, IncidentFields.class, "properties",
                jakarta.validation.groups.Default.class, IncidentFields.OnCreate.class);
        checkDates(fields, "properties.");
        return new IncidentDraft(fields, point(node.get("geometry"), fields.country()));
    }

    private static void checkFeature(ObjectNode node) {
        rejectUnknown(node, FEATURE_MEMBERS, "");
        if (!"Feature".equals(node.path("type").asText(null))) {
            throw InvalidInputException.of("type", "must be \"Feature\" (or send flat JSON without a type member)");
        }
    }

    /** The position a Feature's geometry gives; null when the geometry is null or absent. */
    private static Point point(JsonNode geometry, String country) {
        if (geometry == null || geometry.isNull()) {
            return null;
        }
        if (!geometry.isObject()) {
            throw InvalidInputException.of("geometry", "must be a GeoJSON Point or null");
        }
        rejectUnknown(geometry, GEOMETRY_MEMBERS, "geometry.");
        if (!"Point".equals(geometry.path("type").asText(null))) {
            throw InvalidInputException.of("geometry.type", "must be \"Point\"");
        }
        JsonNode coords = geometry.get("coordinates");
        if (coords == null || !coords.isArray() || coords.size() != 2) {
            throw InvalidInputException.of("geometry.coordinates", "must be [longitude, latitude]");
        }
        Double lon = number(coords.get(0), "geometry.coordinates[0]");
        Double lat = number(coords.get(1), "geometry.coordinates[1]");
        List<FieldError> errors = Coordinates.check(lat, lon, country, "geometry.coordinates[1]", "geometry.coordinates[0]");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Point(lon, lat);
    }

    private IncidentDraft flat(ObjectNode original) {
        ObjectNode node = original.deepCopy();
        Double lat = number(node.remove("latitude"), "latitude");
        Double lon = number(node.remove("longitude"), "longitude");
        IncidentFields fields = bodies.bind(node, IncidentFields.class, "",
                jakarta.validation.groups.Default.class, IncidentFields.OnCreate.class);
        checkDates(fields, "");
        List<FieldError> errors = Coordinates.check(lat, lon, fields.country(), "latitude", "longitude");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new IncidentDraft(fields, lat == null ? null : new Point(lon, lat));
    }

    private void checkDates(IncidentFields fields, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (Dates.isFuture(fields.occurredOn(), clock)) {
            errors.add(new FieldError(prefix + "occurredOn", "must not be in the future"));
        }
        if (fields.sources() != null) {
            for (int i = 0; i < fields.sources().size(); i++) {
                SourceInput s = fields.sources().get(i);
                if (s != null && Dates.isFuture(s.publishedAt(), clock)) {
                    errors.add(new FieldError(prefix + "sources[" + i + "].publishedAt", "must not be in the future"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String reason(JsonNode reason) {
        if (reason == null || reason.isNull()) {
            return null;
        }
        if (!reason.isTextual()) {
            throw InvalidInputException.of("reason", "must be a string");
        }
        return reason.asText();
    }

    /** Sources and claims are added, never replaced, so a patch may not carry them. */
    private static void rejectCollections(JsonNode node, String prefix) {
        for (String collection : List.of("sources", "claims")) {
            if (node.has(collection)) {
                throw InvalidInputException.of(prefix + collection, "is added through POST /incidents/{id}/" + collection);
            }
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A coordinate: a JSON number, or null when absent. NaN arrives as a string and is refused here. */
    private static Double number(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw InvalidInputException.of(field, "must be a finite number, not " + value);
        }
        return value.doubleValue();
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw InvalidInputException.of(prefix + name, "unknown field; known fields are " + known);
            }
        }
    }
}
