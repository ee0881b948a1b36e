package dev.baton.learn.train;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.io.AtomicFiles;
import dev.baton.learn.conductor.WorkerIndex;
import dev.baton.learn.policy.Adam;
import dev.baton.learn.policy.PolicyShape;
import dev.baton.learn.role.Role;
import dev.baton.learn.role.RoleSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes checkpoints as one self-describing JSON file: metadata in plain JSON (readable with any
 * tool), numbers as base64 little-endian float32 (exact and compact). Writes go to a temporary file that is
 * then atomically moved over the old one, so a crash mid-write never leaves a corrupt checkpoint.
 */
public final class CheckpointFile {

    static final String FORMAT = "baton-policy/2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFile() {
    }

    /** Writes a checkpoint atomically. */
    public static void write(Checkpoint checkpoint, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("benchmark", checkpoint.benchmark());
        root.put("encoder", checkpoint.encoderId());
        root.put("iteration", checkpoint.iteration());
        ArrayNode workers = root.putArray("workers");
        for (int i = 0; i < checkpoint.workers().size(); i++) {
            ObjectNode worker = workers.addObject();
            worker.put("id", checkpoint.workers().workerId(i));
            ArrayNode descriptor = worker.putArray("descriptor");
            for (float v : checkpoint.workers().descriptors()[i]) {
                descriptor.add(v);
            }
        }
        ObjectNode roles = root.putObject("roles");
        roles.put("source", checkpoint.roles().source());
        ArrayNode roleList = roles.putArray("roles");
        checkpoint.roles().roles().forEach(role -> roleList.addObject().put("id", role.id()).put("template", role.template()));
        root.set("shape", JSON.valueToTree(checkpoint.shape()));
        root.set("config", JSON.valueToTree(checkpoint.config()));
        root.set("curve", JSON.valueToTree(checkpoint.curve()));
        root.set("parameters", arrays(checkpoint.parameters()));
        ObjectNode optimizer = root.putObject("optimizer");
        optimizer.put("steps", checkpoint.optimizer().steps());
        optimizer.set("first_moment", arrays(checkpoint.optimizer().firstMoment()));
        optimizer.set("second_moment", arrays(checkpoint.optimizer().secondMoment()));

        AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    }

    /**
     * Reads a checkpoint.
     *
     * @throws CheckpointException when the file is missing, not a Baton checkpoint, or damaged
     */
    public static Checkpoint read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new CheckpointException("checkpoint not found: " + file);
        } catch (JacksonException e) {
            throw new CheckpointException("checkpoint " + file + " is corrupt (not valid JSON: " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage());
        }
        try {
            String format = root == null ? "" : root.path("format").asText();
            if (format.startsWith("baton-policy/") && !FORMAT.equals(format)) {
                throw new CheckpointException(file + " is a policy checkpoint of format '" + format + "', this Baton reads '"
                        + FORMAT + "': train it again with this version");
            }
            if (!FORMAT.equals(format)) {
                throw new CheckpointException(file + " is not a Baton policy checkpoint (format '" + FORMAT + "' expected)");
            }
            List<String> ids = new ArrayList<>();
            List<float[]> descriptors = new ArrayList<>();
            for (JsonNode worker : required(root, "workers")) {
                ids.add(worker.get("id").asText());
                float[] d = new float[PolicyShape.DESCRIPTOR_FEATURES];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) worker.get("descriptor").get(i).asDouble();
                }
                descriptors.add(d);
            }
            List<Role> roles = new ArrayList<>();
            for (JsonNode role : required(required(root, "roles"), "roles")) {
                roles.add(new Role(role.get("id").asText(), role.get("template").asText()));
            }
            PolicyShape shape = JSON.treeToValue(required(root, "shape"), PolicyShape.class);
            TrainingConfig config = JSON.treeToValue(required(root, "config"), TrainingConfig.class);
            List<CurvePoint> curve = new ArrayList<>();
            for (JsonNode point : required(root, "curve")) {
                curve.add(JSON.treeToValue(point, CurvePoint.class));
            }
            JsonNode optimizer = required(root, "optimizer");
            Checkpoint checkpoint = new Checkpoint(required(root, "benchmark").asText(),
                    new WorkerIndex(ids, descriptors.toArray(float[][]::new)),
                    required(root, "encoder").asText(), new RoleSet(required(root, "roles").path("source").asText("checkpoint"), roles),
                    shape, config, required(root, "iteration").asInt(), curve, arrays(required(root, "parameters")),
                    new Adam.State(optimizer.path("steps").asLong(), arrays(required(optimizer, "first_moment")),
                            arrays(required(optimizer, "second_moment"))));
            if (shape.workers() != ids.size() || shape.roles() != roles.size()) {
                throw new CheckpointException("checkpoint " + file + " is corrupt: its shape does not match its workers or roles");
            }
            return checkpoint;
        } catch (CheckpointException e) {
            throw e;
        } catch (JacksonException | RuntimeException e) {
            throw new CheckpointException("checkpoint " + file + " is corrupt: " + e.getMessage());
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return value;
    }

    private static ObjectNode arrays(Map<String, float[]> arrays) {
        ObjectNode node = JSON.createObjectNode();
        arrays.forEach((name, values) -> {
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            node.put(name, Base64.getEncoder().encodeToString(bytes.array()));
        });
        return node;
    }

    private static Map<String, float[]> arrays(JsonNode node) {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            byte[] bytes = Base64.getDecoder().decode(field.getValue().asText());
            if (bytes.length % Float.BYTES != 0) {
                throw new IllegalArgumentException("parameter " + field.getKey() + " has a partial number");
            }
            float[] values = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            arrays.put(field.getKey(), values);
        }
        return arrays;
    }
}
