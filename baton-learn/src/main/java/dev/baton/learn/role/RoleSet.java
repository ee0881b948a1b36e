package dev.baton.learn.role;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
     * @throws RoleSetException when the file is missing, malformed, empty or repeats a role id
     */
    public static RoleSet read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new RoleSetException("roles file not found: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RoleSet read(String source, Reader yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
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
