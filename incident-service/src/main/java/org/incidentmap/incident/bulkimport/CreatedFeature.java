package org.incidentmap.incident.bulkimport;

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
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.incidentmap.incident.domain.ClaimInput;
import org.incidentmap.incident.domain.NewIncident;
import org.incidentmap.incident.domain.Point;
import org.incidentmap.incident.store.Incident;

/**
 * The Feature of an incident an import creates, as the view {@code incident.incident_features}
 * builds it, member for member and value for value. Reading every row back through the view cost
 * the database more than writing the row did (the Feature was about half of an import's database
 * time), and the import already holds every value the Feature shows; sources' times must come in
 * at microsecond precision ({@link #micros}), as PostgreSQL stores them. {@code ImportFeatureTest}
 * holds this to the view.
 */
final class CreatedFeature {

    private static final JsonFactory JSON = new JsonFactory();
    /** {@code incident.iso_instant}: always six fractional digits. */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** ST_AsGeoJSON's default: at most nine decimals. */
    private static final int DECIMALS = 9;
    /** Up to this magnitude PostGIS prints a coordinate in exponent form. */
    private static final double EXPONENT_UP_TO = 1e-8;

    private CreatedFeature() {
    }

    /** An instant as PostgreSQL keeps it. */
    static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    static String iso(Instant t) {
        return INSTANT.format(t);
    }

    /** The Feature of {@code row} created at {@code at}, as {@link #iso} prints it (a chunk's rows share it). */
    static String of(NewIncident row, String at) {
        SegmentedStringWriter out = new SegmentedStringWriter(JSON._getBufferRecycler());
        try {
            write(out, row, at);
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(SegmentedStringWriter out, NewIncident row, String at) throws IOException {
        Incident i = row.incident();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", i.id.toString());
            g.writeFieldName("geometry");
            geometry(g, row.point());
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
            for (var s : row.sources()) {
                g.writeStartObject();
                g.writeStringField("outlet", s.outlet());
                g.writeStringField("url", s.url());
                g.writeStringField("publishedAt",
                        s.publishedAt() == null ? null : iso(micros(s.publishedAt().toInstant())));
                g.writeStringField("excerpt", s.excerpt());
                g.writeEndObject();
            }
            g.writeEndArray();
            claims(g, row.claims());
            g.writeNumberField("version", i.version);
            g.writeStringField("createdAt", at);
            g.writeStringField("updatedAt", at);
            g.writeEndObject();
            g.writeEndObject();
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

    private static void claims(JsonGenerator g, List<ClaimInput> claims) throws IOException {
        g.writeArrayFieldStart("claims");
        for (ClaimInput c : claims) {
            g.writeStartObject();
            g.writeStringField("claimant", c.claimant());
            integer(g, "killed", c.killed());
            g.writeBooleanField("killedAtLeast", Boolean.TRUE.equals(c.killedAtLeast()));
            integer(g, "injured", c.injured());
            g.writeBooleanField("injuredAtLeast", Boolean.TRUE.equals(c.injuredAtLeast()));
            g.writeStringField("statement", c.statement());
            g.writeStringField("sourceUrl", c.sourceUrl());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
