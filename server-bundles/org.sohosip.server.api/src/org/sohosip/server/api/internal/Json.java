// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of the API: strict on input (unknown properties, wrong types and trailing data are refused
 * rather than guessed at), ISO-8601 times on output. Parse failures become {@code invalid_json} errors that name the
 * field and the line/column.
 */
public final class Json {

    private final ObjectMapper mapper;

    /** Creates the mapping. */
    public Json() {
        JsonMapper built = JsonMapper.builder().addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        // A number where text is expected (e.g. "extension": 3301) is a client bug worth reporting, not coercing.
        built.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        built.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        this.mapper = built;
    }

    /** @return the underlying mapper (tests read documents with it) */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** @return {@code value} as JSON bytes */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a request body.
     *
     * @throws ApiException {@code invalid_json} when the body is empty, malformed or does not fit {@code type}
     */
    public <T> T read(byte[] body, Class<T> type) {
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.invalidJson("The request needs a JSON object as its body.");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalidJson("Unknown property '" + e.getPropertyName() + "'" + where(e.getLocation())
                    + ". Known properties: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")) + ".");
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            throw ApiException.invalidJson((field.isEmpty() ? "The body" : "Field '" + field + "'")
                    + " has the wrong type: expected " + expected(e.getTargetType()) + where(e.getLocation()) + ".");
        } catch (JsonMappingException e) {
            throw ApiException.invalidJson("The JSON does not fit this request" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.invalidJson("The body is not valid JSON" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.invalidJson("The body could not be read: " + e.getMessage());
        }
        if (value == null) {
            throw ApiException.invalidJson("The request needs a JSON object as its body.");
        }
        return value;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list of text";
        }
        return type.isRecord() ? "a JSON object" : "a " + type.getSimpleName();
    }
}
