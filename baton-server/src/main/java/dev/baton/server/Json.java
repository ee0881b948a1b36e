package dev.baton.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.json.SharedBufferJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The server's one JSON mapper: requests are read as trees, responses built as trees and written compactly. A key
 * given twice is refused, as in benchmark files: otherwise its last value would win silently, and a client's
 * {@code "model"} could say one thing to a proxy reading the first and another to Baton.
 */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder(SharedBufferJson.factory()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Json() {
    }

    /**
     * Reads a request body, which must be one JSON object.
     *
     * @throws ApiException (400) for malformed JSON, a key given twice (naming it), or anything but an object
     */
    static JsonNode readRequest(String body) {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(body)) {
            try {
                root = MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                // Jackson signals a duplicate with a plain parse error; the parser still stands on the key.
                if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                    String key = param(parser.getParsingContext());
                    throw ApiException.invalidRequest("The request body gives '" + key + "' twice", key);
                }
                throw ApiException.invalidRequest("The request body is not valid JSON: " + e.getOriginalMessage(), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalidRequest("The request body must be a JSON object", null);
        }
        return root;
    }

    /** Returns where the parser stands as the error's {@code param}: {@code messages[0].role}. */
    private static String param(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serializes; reaching here is a bug.
            throw new UncheckedIOException(e);
        }
    }
}
