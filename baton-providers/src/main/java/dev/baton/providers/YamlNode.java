package dev.baton.providers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.baton.input.ConfigFileLimit;
import dev.baton.offline.ConfigYaml;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One node of a YAML document with the line it starts on and its path from the root
 * ({@code workers[1].price.input}), so every complaint about a pool file can name file, line and field.
 *
 * <p>Why not Jackson's tree model: its nodes forget where they came from. Reading the token stream keeps the
 * location of every value and catches a repeated key, which YAML allows but a pool file must not.
 *
 * <p>{@code number} is a number's value as YAML reads it, NaN for a node that is no number.
 */
record YamlNode(Path file, String path, int line, JsonToken token, String text, double number,
                Map<String, YamlNode> fields, List<YamlNode> items) {

    private static final YAMLFactory YAML = ConfigYaml.factory();

    /** Reads a whole document. */
    static YamlNode read(Path file, Reader in) throws IOException {
        try (JsonParser parser = YAML.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw PoolFileException.at(file, 1, "", "the file is empty: it needs a 'workers:' list");
            }
            YamlNode root = read(file, parser, "", line(parser));
            if (parser.nextToken() != null) {
                throw PoolFileException.at(file, line(parser), "", "only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Jackson's words for the document-length limit; its other limits (a number of 1,000 digits) are malformed YAML.
            if (e instanceof StreamConstraintsException && e.getOriginalMessage().startsWith("Document length")) {
                throw new PoolFileException(ConfigFileLimit.exceededWhileReading(file.toString(), "pool file"));
            }
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw PoolFileException.at(file, line, "", "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    /** Reads the value at the parser's current token; {@code line} is its key's line, where a person looks for it. */
    private static YamlNode read(Path file, JsonParser parser, String path, int line) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String childPath = path.isEmpty() ? name : path + "." + name;
                int keyLine = line(parser);
                if (fields.containsKey(name)) {
                    throw PoolFileException.at(file, keyLine, childPath,
                            "duplicate key (first on line " + fields.get(name).line() + ")");
                }
                parser.nextToken();
                fields.put(name, read(file, parser, childPath, keyLine));
            }
            return new YamlNode(file, path, line, token, null, Double.NaN, fields, List.of());
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(file, parser, path + "[" + items.size() + "]", line(parser)));
            }
            return new YamlNode(file, path, line, token, null, Double.NaN, Map.of(), items);
        }
        return new YamlNode(file, path, line, token, token == JsonToken.VALUE_NULL ? null : parser.getText(), number(parser),
                Map.of(), List.of());
    }

    /**
     * Returns a number's value as YAML reads it ({@code 1_000}, {@code 0x10}, {@code 1e400} as infinity), NaN for a
     * value that is no number. Jackson marks {@code .nan} and {@code .inf} as numbers but cannot decode them.
     */
    private static double number(JsonParser parser) throws IOException {
        if (!parser.currentToken().isNumeric()) {
            return Double.NaN;
        }
        return switch (parser.getText().toLowerCase(Locale.ROOT)) {
            case ".nan" -> Double.NaN;
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            default -> parser.getDoubleValue();
        };
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    boolean isObject() {
        return token == JsonToken.START_OBJECT;
    }

    boolean isArray() {
        return token == JsonToken.START_ARRAY;
    }

    boolean isString() {
        return token == JsonToken.VALUE_STRING;
    }

    boolean isNumber() {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    boolean isInteger() {
        return token == JsonToken.VALUE_NUMBER_INT;
    }

    /** Returns a complaint about this node, naming file, line and path. */
    PoolFileException problem(String message) {
        return PoolFileException.at(file, line, path, message);
    }

    /** Describes what this node holds, for "must be X, got Y" messages. */
    String describe() {
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "nothing";
            case VALUE_STRING -> "'" + text + "'";
            default -> text;
        };
    }
}
