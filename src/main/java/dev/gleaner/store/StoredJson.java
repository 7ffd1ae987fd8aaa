package dev.gleaner.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON the store keeps in text columns (an entry's categories and enclosures). Lists of strings,
 * which every page of the site reads, go through Jackson's streaming parser; the data-binding mapper
 * is made at first use, as it costs a command a tenth of a second to start.
 */
final class StoredJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private StoredJson() {
    }

    /** Made when first asked for. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static String write(Object value) throws SQLException {
        try {
            return Mapper.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> List<T> readList(String json, TypeReference<List<T>> type) throws SQLException {
        try {
            return Mapper.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON cannot be read: " + json, e);
        }
    }

    /** The JSON array of strings {@code json}. */
    static List<String> strings(String json) throws SQLException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new SQLException("stored JSON is not a list of strings: " + json);
            }
            List<String> strings = new ArrayList<>();
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                strings.add(parser.getText());
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new SQLException("stored JSON is not a list of strings: " + json);
            }
            return strings;
        } catch (IOException e) {
            throw new SQLException("stored JSON cannot be read: " + json, e);
        }
    }
}
