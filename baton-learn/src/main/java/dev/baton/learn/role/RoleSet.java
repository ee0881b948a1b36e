package dev.baton.learn.role;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.baton.input.ConfigFileLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The roles the learned conductor chooses from, in a fixed order (the policy's role head indexes them).
 * Read from a YAML file ({@code roles: [{id, template}, ...]}); the default is the shipped {@code data/roles.yaml}.
 *
 * @param source where the roles came from, for error messages
 * @param roles  at least one, unique ids
 * @throws RoleSetException when there are no roles or an id repeats
 */
public record RoleSet(String source, List<Role> roles) {

    public RoleSet {
        Objects.requireNonNull(source, "source");
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new RoleSetException(source + " has no role templates: add at least one under 'roles:' with an id and a template");
        }
        if (new HashSet<>(roles.stream().map(Role::id).toList()).size() != roles.size()) {
            throw new RoleSetException(source + " repeats a role id");
        }
    }

    /** Returns the shipped roles. */
    public static RoleSet defaults() {
        try (InputStream in = RoleSet.class.getResourceAsStream("/baton-data/roles.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks data/roles.yaml: rebuild with ./baton");
            }
            return read("data/roles.yaml", new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads roles from a YAML file.
     *
     * @throws RoleSetException when the file is missing, over 1 MB, malformed, empty or repeats a role id
     */
    public static RoleSet read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ConfigFileLimit.exceededBy(file, "roles file").ifPresent(why -> {
                throw new RoleSetException(why);
            });
            return read(file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new RoleSetException("roles file not found: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RoleSet read(String source, Reader reader) throws IOException {
        YAMLFactory yamlFactory = limited(YAMLFactory.builder()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        ObjectMapper mapper = new ObjectMapper(yamlFactory).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        java.io.StringWriter text = new java.io.StringWriter();
        reader.transferTo(text);
        String yaml = text.toString();
        try {
            requirePlainStrings(source, yamlFactory, yaml);
            File file = mapper.readValue(yaml, File.class);
            if (file == null || file.roles == null) {
                throw new RoleSetException(source + " has no role templates: add at least one under 'roles:' with an id and a template");
            }
            return new RoleSet(source, file.roles);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            if (e.getOriginalMessage().startsWith("No content")) {
                throw new RoleSetException(source + " has no role templates: add at least one under 'roles:' with an id and a template");
            }
            throw new RoleSetException(source + ": " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new RoleSetException(source + ": " + e.getOriginalMessage());
        }
    }

    /**
     * Sets the limits of a configuration file, as {@code dev.baton.offline.ConfigYaml} does for pool files and context
     * models (this module cannot reach that one): SnakeYAML's code-point limit, and Jackson's document length, which
     * alone stops one long value early.
     */
    private static YAMLFactoryBuilder limited(YAMLFactoryBuilder builder) {
        LoaderOptions limits = new LoaderOptions();
        limits.setCodePointLimit(ConfigFileLimit.MAX_CHARS);
        return builder.loaderOptions(limits)
                .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(ConfigFileLimit.MAX_CHARS).build());
    }

    /**
     * Refuses anchors, aliases and values that are not strings. Jackson reads an alias ({@code *t}) as the text
     * "t" and a number as its digits, so a roles file using them would load with templates nobody wrote.
     */
    private static void requirePlainStrings(String source, YAMLFactory factory, String yaml) throws IOException {
        try (YAMLParser parser = (YAMLParser) factory.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String where = source + " line " + parser.currentTokenLocation().getLineNr();
                if (parser.isCurrentAlias() || parser.getCurrentAnchor() != null) {
                    throw new RoleSetException(where + ": YAML anchors and aliases (&name, *name) are not allowed in a roles file; "
                            + "write each value out");
                }
                if (token.isScalarValue() && token != JsonToken.VALUE_STRING) {
                    throw new RoleSetException(where + ": '" + parser.currentName() + "' must be a string, got " + parser.getText());
                }
            }
        }
    }

    private static final class File {
        public List<Role> roles;
    }

    public int size() {
        return roles.size();
    }

    public Role get(int index) {
        return roles.get(index);
    }
}
