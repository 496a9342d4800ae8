package org.incidentmap.incident.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.incidentmap.incident.domain.Point;

/**
 * The incident's Feature (RFC 7946): the one definition of its members, their order and how each
 * value is printed. Every event the log records carries it (single changes and imports alike,
 * through {@code events.EventAppender}), and every change answers with it. Rendered from the values
 * the writer holds, not read back through the database: for an import, reading every row back cost
 * the database more than writing it did. The view {@code incident.incident_features}, which the
 * reads stream, must print the same; {@code IncidentFeatureTest} holds it to this class.
 */
public final class IncidentFeature {

    private static final JsonFactory JSON = new JsonFactory();
    /** {@code incident.iso_instant}: always six fractional digits. */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** ST_AsGeoJSON's default: at most nine decimals. */
    private static final int DECIMALS = 9;
    /** Up to this magnitude PostGIS prints a coordinate in exponent form. */
    private static final double EXPONENT_UP_TO = 1e-8;

    private IncidentFeature() {
    }

    /** An instant as the Feature and the event log print it. */
    public static String iso(Instant t) {
        return INSTANT.format(t);
    }

    /** The Feature of the incident with its sources and claims, in the order they were added. */
    public static String of(Incident i, List<Source> sources, List<Claim> claims) {
        SegmentedStringWriter out = new SegmentedStringWriter(JSON._getBufferRecycler());
        try {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                write(g, i, sources, claims);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator g, Incident i, List<Source> sources, List<Claim> claims)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", i.id.toString());
        g.writeFieldName("geometry");
        geometry(g, i.point);
        g.writeObjectFieldStart("properties");
        g.writeStringField("eventType", i.eventType);
        g.writeStringField("subEventType", i.subEventType);
        strings(g, "weapons", i.weapons);
        strings(g, "targets", i.targets);
        g.writeStringField("occurredOn", i.occurredOn.toString());
        g.writeNumberField("timePrecision", i.timePrecision);
        integer(g, "geoPrecision", i.geoPrecision == null ? null : i.geoPrecision.intValue());
        g.writeStringField("placeName", i.placeName);
        g.writeStringField("admin1", i.admin1);
        g.writeStringField("admin2", i.admin2);
        g.writeStringField("country", i.country);
        integer(g, "killed", i.killed);
        g.writeBooleanField("killedAtLeast", i.killedAtLeast);
        integer(g, "injured", i.injured);
        g.writeBooleanField("injuredAtLeast", i.injuredAtLeast);
        g.writeStringField("status", i.status);
        g.writeStringField("actor", i.actor);
        g.writeArrayFieldStart("sources");
        for (Source s : sources) {
            g.writeStartObject();
            g.writeStringField("outlet", s.outlet());
            g.writeStringField("url", s.url());
            g.writeStringField("publishedAt", s.publishedAt() == null ? null : iso(s.publishedAt()));
            g.writeStringField("excerpt", s.excerpt());
            g.writeBooleanField("machineExtracted", s.machineExtracted());
            g.writeBooleanField("sample", s.sample());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("claims");
        for (Claim c : claims) {
            g.writeStartObject();
            g.writeStringField("claimant", c.claimant());
            integer(g, "killed", c.killed());
            g.writeBooleanField("killedAtLeast", c.killedAtLeast());
            integer(g, "injured", c.injured());
            g.writeBooleanField("injuredAtLeast", c.injuredAtLeast());
            g.writeStringField("statement", c.statement());
            g.writeStringField("sourceUrl", c.sourceUrl());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("version", i.version);
        g.writeStringField("createdAt", iso(i.createdAt));
        g.writeStringField("updatedAt", iso(i.updatedAt));
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The geometry member's value alone, as an event's "previousGeometry" shows where the incident was. */
    public static String geometry(Point p) {
        SegmentedStringWriter out = new SegmentedStringWriter(JSON._getBufferRecycler());
        try {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                geometry(g, p);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void geometry(JsonGenerator g, Point p) throws IOException {
        if (p == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("type", "Point");
        g.writeArrayFieldStart("coordinates");
        g.writeRawValue(coordinate(p.lon()));
        g.writeRawValue(coordinate(p.lat()));
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * A coordinate as ST_AsGeoJSON prints it (with Ryu): the shortest decimal that reads back as
     * the same double, rounded half-even to nine decimals without trailing zeros, or, for
     * magnitudes up to 1e-8, to ten significant digits in exponent form ({@code 9.99e-9}).
     */
    static String coordinate(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) > EXPONENT_UP_TO) {
            // Jackson's Schubfach gives the shortest digits, if with at least two, which only
            // differs from Ryu's for subnormal doubles, all far below this branch
            String shortest = NumberOutput.toString(v, true);
            int point = shortest.indexOf('.');
            if (shortest.indexOf('E') < 0 && point > 0 && shortest.length() - point - 1 <= DECIMALS) {
                // nothing to round: what coordinates mostly look like
                return shortest.endsWith(".0") ? shortest.substring(0, point) : shortest;
            }
            return new BigDecimal(shortest).setScale(DECIMALS, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString();
        }
        BigDecimal rounded = shortest(v).round(new MathContext(DECIMALS + 1, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        StringBuilder sb = new StringBuilder(rounded.signum() < 0 ? "-" : "").append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append(exponent).toString();
    }

    /** The decimal with the fewest significant digits that reads back as {@code v}, the closest of them. */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; ; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == v) {
                return candidate;
            }
        }
    }

    private static void strings(JsonGenerator g, String name, String[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
