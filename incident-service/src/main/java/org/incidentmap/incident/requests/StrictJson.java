package org.incidentmap.incident.requests;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import java.util.Map;

/**
 * How Jackson reads what clients send: a value has the JSON type its field declares, or it is
 * refused. Jackson's defaults guess instead ({@code "2"} and {@code 1.5} become 2, {@code 7}
 * becomes {@code "7"}, {@code 1} becomes true, {@code ""} becomes null, the last of two equal keys
 * wins, {@code [null]} is a list holding null); a client sending those has a bug it should hear
 * about. Responses of other services and stored documents are not read this way: they are not
 * client input.
 */
final class StrictJson {

    /** For each kind of target, the JSON shapes that are not its own and are refused. */
    private static final Map<LogicalType, List<CoercionInputShape>> REFUSED = Map.of(
            LogicalType.Integer, List.of(CoercionInputShape.Float, CoercionInputShape.String,
                    CoercionInputShape.EmptyString, CoercionInputShape.Boolean),
            // 49 is a fine latitude: an integer literal is a JSON number like any other.
            LogicalType.Float, List.of(CoercionInputShape.String, CoercionInputShape.EmptyString,
                    CoercionInputShape.Boolean),
            LogicalType.Boolean, List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.String, CoercionInputShape.EmptyString),
            LogicalType.Textual, List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean),
            LogicalType.DateTime, List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.EmptyString));

    private StrictJson() {
    }

    /** A copy of {@code base} (its modules kept) that refuses every coercion. */
    static ObjectMapper of(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Dates as strings in their ISO form only (no epoch numbers, no date-times for dates).
        mapper.setDefaultLeniency(false);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        REFUSED.forEach((target, shapes) -> shapes.forEach(shape ->
                mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail)));
        return mapper;
    }
}
