package org.incidentmap.incident.bulkimport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an uploaded file one incident at a time — the features of a GeoJSON FeatureCollection,
 * or the lines of an ACLED-format CSV turned into the flat JSON form — so that a file of any size
 * is never held in memory.
 */
abstract class ImportRows implements Closeable {

    /** The next row as JSON (a Feature or the flat form), or null at the end. */
    abstract ObjectNode next() throws IOException;

    static ImportRows geoJson(Path file, ObjectMapper mapper) throws IOException {
        return new GeoJsonRows(mapper, mapper.createParser(file.toFile()));
    }

    static ImportRows csv(Path file) throws IOException {
        MappingIterator<Map<String, String>> lines = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile());
        return new CsvRows(lines);
    }

    private static final class GeoJsonRows extends ImportRows {

        private final ObjectMapper mapper;
        private final JsonParser parser;
        private boolean inFeatures;

        GeoJsonRows(ObjectMapper mapper, JsonParser parser) {
            this.mapper = mapper;
            this.parser = parser;
        }

        @Override
        ObjectNode next() throws IOException {
            if (!inFeatures) {
                seekFeatures();
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw new IOException("each member of \"features\" must be a Feature object");
            }
            return mapper.readTree(parser);
        }

        private void seekFeatures() throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the body must be a GeoJSON FeatureCollection");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("features".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new IOException("\"features\" must be an array");
                    }
                    inFeatures = true;
                    return;
                }
                parser.skipChildren();
            }
            throw new IOException("the FeatureCollection has no \"features\" array");
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** ACLED columns and the record's property each maps to; other ACLED columns are ignored. */
    private static final Map<String, String> CSV_COLUMNS = Map.ofEntries(
            Map.entry("event_date", "occurredOn"),
            Map.entry("time_precision", "timePrecision"),
            Map.entry("event_type", "eventType"),
            Map.entry("sub_event_type", "subEventType"),
            Map.entry("actor1", "actor"),
            Map.entry("admin1", "admin1"),
            Map.entry("admin2", "admin2"),
            Map.entry("location", "placeName"),
            Map.entry("latitude", "latitude"),
            Map.entry("longitude", "longitude"),
            Map.entry("geo_precision", "geoPrecision"),
            Map.entry("fatalities", "killed"),
            Map.entry("injuries", "injured"),
            Map.entry("status", "status"));

    private static final Map<String, String> COUNTRY_CODES = Map.of(
            "Ukraine", "UA", "Russia", "RU", "Belarus", "BY", "Moldova", "MD", "Poland", "PL");

    /** ACLED writes dates as "15 January 2024" in its exports. */
    private static final DateTimeFormatter ACLED_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final class CsvRows extends ImportRows {

        private final MappingIterator<Map<String, String>> lines;

        CsvRows(MappingIterator<Map<String, String>> lines) {
            this.lines = lines;
        }

        @Override
        ObjectNode next() throws IOException {
            if (!lines.hasNextValue()) {
                return null;
            }
            return toFlatJson(lines.nextValue());
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }

    static ObjectNode toFlatJson(Map<String, String> line) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        line.forEach((column, raw) -> {
            String value = raw == null ? "" : raw.trim();
            String property = CSV_COLUMNS.get(column);
            if (value.isEmpty() || property == null) {
                return;
            }
            switch (property) {
                case "occurredOn" -> node.put(property, isoDate(value));
                case "latitude", "longitude" -> putNumber(node, property, value);
                case "killed", "injured", "timePrecision", "geoPrecision" -> putInteger(node, property, value);
                default -> node.put(property, value);
            }
        });
        String country = line.get("country");
        if (country != null && !country.isBlank()) {
            node.put("country", COUNTRY_CODES.getOrDefault(country.trim(), country.trim()));
        }
        String weapons = line.get("weapons");
        if (weapons != null && !weapons.isBlank()) {
            ArrayNode list = node.putArray("weapons");
            for (String w : weapons.split(";")) {
                if (!w.isBlank()) {
                    list.add(w.trim());
                }
            }
        }
        String source = line.get("source");
        if (source != null && !source.isBlank()) {
            ObjectNode s = node.putArray("sources").addObject().put("outlet", source.trim());
            String notes = line.get("notes");
            if (notes != null && !notes.isBlank()) {
                s.put("excerpt", notes.trim());
            }
        }
        return node;
    }

    /** An ACLED date in ISO form; anything else (ISO dates included) as it is, for validation to judge. */
    private static String isoDate(String value) {
        ParsePosition position = new ParsePosition(0);
        TemporalAccessor parsed = ACLED_DATE.parseUnresolved(value, position);
        if (parsed == null || position.getErrorIndex() >= 0 || position.getIndex() != value.length()) {
            return value;
        }
        try {
            return LocalDate.parse(value, ACLED_DATE).toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** Counts and codes are JSON integers, as a client would send them; anything else is text for validation to name. */
    private static void putInteger(ObjectNode node, String property, String value) {
        try {
            node.put(property, new BigInteger(value));
        } catch (NumberFormatException e) {
            node.put(property, value);
        }
    }

    /** Numbers stay numbers; anything else is kept as text for validation to name. */
    private static void putNumber(ObjectNode node, String property, String value) {
        try {
            node.put(property, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            node.put(property, value);
        }
    }
}
