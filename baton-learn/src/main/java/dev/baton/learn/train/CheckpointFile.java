package dev.baton.learn.train;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.io.AtomicFiles;
import dev.baton.learn.conductor.WorkerIndex;
import dev.baton.learn.policy.Adam;
import dev.baton.learn.policy.PolicyNetwork;
import dev.baton.learn.policy.PolicyShape;
import dev.baton.learn.role.Role;
import dev.baton.learn.role.RoleSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes checkpoints as one self-describing JSON file: metadata in plain JSON (readable with any
 * tool), numbers as base64 little-endian float32 (exact and compact). Writes go to a temporary file that is
 * then atomically moved over the old one, so a crash mid-write never leaves a corrupt checkpoint.
 *
 * <p>The file's first field is a SHA-256 of the rest of it, exactly as written: a checkpoint edited by hand (two
 * worker ids swapped, a number changed) would otherwise load and route questions to the wrong workers without a
 * word. Reading refuses an edited file, and also one whose numbers are not finite, whose iteration is out of
 * range, or whose parameters do not have the sizes its shape gives.
 */
public final class CheckpointFile {

    static final String FORMAT = "baton-policy/6";
    /** The largest checkpoint read: a policy of the largest allowed shape is far smaller. */
    static final long MAX_BYTES = 512L << 20;
    private static final String CHECKSUM_PREFIX = "{\"checksum\":\"sha256:";
    private static final int HEX_DIGITS = 64;
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private CheckpointFile() {
    }

    /** Writes a checkpoint atomically. */
    public static void write(Checkpoint checkpoint, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("benchmark", checkpoint.benchmark());
        root.put("encoder", checkpoint.encoderId());
        root.put("iteration", checkpoint.iteration());
        if (!checkpoint.selection().isEmpty()) {
            root.put("selection", checkpoint.selection());
        }
        ArrayNode workers = root.putArray("workers");
        for (int i = 0; i < checkpoint.workers().size(); i++) {
            ObjectNode worker = workers.addObject();
            worker.put("id", checkpoint.workers().workerId(i));
            ArrayNode descriptor = worker.putArray("descriptor");
            for (float v : checkpoint.workers().descriptors()[i]) {
                descriptor.add(v);
            }
        }
        ObjectNode categories = root.putObject("category_accuracy");
        checkpoint.workers().byCategory().forEach((category, values) -> {
            ArrayNode list = categories.putArray(category);
            for (float v : values) {
                list.add(v);
            }
        });
        ArrayNode sameWrong = root.putArray("same_wrong_answer");
        for (float[] row : checkpoint.workers().sameWrong()) {
            ArrayNode list = sameWrong.addArray();
            for (float v : row) {
                list.add(v);
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

        AtomicFiles.write(file, signed(JSON.writeValueAsBytes(root)));
    }

    /** Returns the serialised checkpoint with a first field holding the SHA-256 of the content as written. */
    static byte[] signed(byte[] content) {
        byte[] prefix = (CHECKSUM_PREFIX + sha256(content) + "\",").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(prefix, prefix.length + content.length - 1);
        System.arraycopy(content, 1, out, prefix.length, content.length - 1); // the content's own '{' is the prefix's
        return out;
    }

    /** Returns the content a signed file's checksum covers, or null when it does not match or is missing. */
    private static byte[] verified(byte[] file) {
        int end = CHECKSUM_PREFIX.length() + HEX_DIGITS;
        if (file.length < end + 2 || !new String(file, 0, CHECKSUM_PREFIX.length(), StandardCharsets.US_ASCII).equals(CHECKSUM_PREFIX)
                || file[end] != '"' || file[end + 1] != ',') {
            return null;
        }
        String stored = new String(file, CHECKSUM_PREFIX.length(), HEX_DIGITS, StandardCharsets.US_ASCII);
        byte[] content = new byte[file.length - end - 1];
        content[0] = '{';
        System.arraycopy(file, end + 2, content, 1, file.length - end - 2);
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), sha256(content).getBytes(StandardCharsets.US_ASCII))
                ? content : null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Reads a checkpoint.
     *
     * @throws CheckpointException when the file is missing, not a Baton checkpoint, or damaged
     */
    public static Checkpoint read(Path file) {
        JsonNode root;
        byte[] bytes;
        if (Files.isDirectory(file)) {
            throw new CheckpointException(folderMessage(file));
        }
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new CheckpointException("checkpoint " + file + " is larger than " + (MAX_BYTES >> 20) + " MiB: not a Baton checkpoint");
            }
            bytes = Files.readAllBytes(file);
            root = JSON.readTree(bytes);
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
            if (verified(bytes) == null) {
                throw new CheckpointException("checkpoint " + file + " was modified after it was written (its checksum does not match "
                        + "its content): train it again");
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
            Map<String, float[]> categories = new LinkedHashMap<>();
            root.path("category_accuracy").fields().forEachRemaining(entry -> {
                float[] values = new float[entry.getValue().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) entry.getValue().get(i).asDouble();
                }
                categories.put(entry.getKey(), values);
            });
            List<float[]> sameWrong = new ArrayList<>();
            for (JsonNode row : required(root, "same_wrong_answer")) {
                float[] values = new float[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) row.get(i).asDouble();
                }
                sameWrong.add(values);
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
                    new WorkerIndex(ids, descriptors.toArray(float[][]::new), categories, sameWrong.toArray(float[][]::new)),
                    required(root, "encoder").asText(), new RoleSet(required(root, "roles").path("source").asText("checkpoint"), roles),
                    shape, config, required(root, "iteration").asInt(), curve, arrays(required(root, "parameters")),
                    new Adam.State(optimizer.path("steps").asLong(), arrays(required(optimizer, "first_moment")),
                            arrays(required(optimizer, "second_moment"))), root.path("selection").asText(""));
            if (shape.workers() != ids.size() || shape.roles() != roles.size()) {
                throw new CheckpointException("checkpoint " + file + " is corrupt: its shape does not match its workers or roles");
            }
            check(checkpoint, file);
            return checkpoint;
        } catch (CheckpointException e) {
            throw e;
        } catch (JacksonException | RuntimeException e) {
            throw new CheckpointException("checkpoint " + file + " is corrupt: " + e.getMessage());
        }
    }

    /** Refuses numbers a trained policy cannot hold: they would plan with NaN scores, or resume past the end. */
    /** Says that a folder was given where a checkpoint file is expected, and names the checkpoints it may hold. */
    private static String folderMessage(Path folder) {
        String message = folder + " is a folder; a checkpoint file is expected (the .json file baton train writes with --out)";
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            List<String> checkpoints = files.filter(f -> f.getFileName().toString().endsWith(".json") && startsAsCheckpoint(f))
                    .map(Path::toString).sorted().toList();
            return checkpoints.isEmpty() ? message + "; it holds none"
                    : message + "; it holds " + String.join(", ", checkpoints);
        } catch (IOException e) {
            return message;
        }
    }

    /** Tells a checkpoint from other JSON by its first bytes, without reading a large file whole. */
    private static boolean startsAsCheckpoint(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] prefix = CHECKSUM_PREFIX.getBytes(StandardCharsets.UTF_8);
            return Arrays.equals(in.readNBytes(prefix.length), prefix);
        } catch (IOException e) {
            return false;
        }
    }

    private static void check(Checkpoint checkpoint, Path file) {
        String where = "checkpoint " + file + " is corrupt: ";
        if (checkpoint.iteration() < 0 || checkpoint.iteration() > checkpoint.config().iterations()) {
            throw new CheckpointException(where + "iteration " + checkpoint.iteration() + " is outside 0.." + checkpoint.config().iterations());
        }
        if (checkpoint.optimizer().steps() < 0) {
            throw new CheckpointException(where + "the optimizer's step count is negative");
        }
        Map<String, Integer> sizes = PolicyNetwork.parameterSizes(checkpoint.shape());
        requireSizes(where + "parameters", checkpoint.parameters(), sizes, false);
        requireSizes(where + "optimizer first moment", checkpoint.optimizer().firstMoment(), sizes, true);
        requireSizes(where + "optimizer second moment", checkpoint.optimizer().secondMoment(), sizes, true);
        for (float[] descriptor : checkpoint.workers().descriptors()) {
            requireFinite(where + "a worker descriptor", descriptor);
        }
        for (float[] accuracy : checkpoint.workers().byCategory().values()) {
            requireFinite(where + "a category's accuracies", accuracy);
        }
        for (float[] shared : checkpoint.workers().sameWrong()) {
            requireFinite(where + "the shared wrong answers", shared);
        }
    }

    private static void requireSizes(String what, Map<String, float[]> arrays, Map<String, Integer> sizes, boolean mayBeEmpty) {
        if (mayBeEmpty && arrays.isEmpty()) {
            return; // an optimizer that has not stepped yet
        }
        if (!arrays.keySet().equals(sizes.keySet())) {
            throw new CheckpointException(what + " are " + arrays.keySet() + ", its shape needs " + sizes.keySet());
        }
        arrays.forEach((name, values) -> {
            if (values.length != sizes.get(name)) {
                throw new CheckpointException(what + " '" + name + "' holds " + values.length + " numbers, its shape needs " + sizes.get(name));
            }
            requireFinite(what + " '" + name + "'", values);
        });
    }

    private static void requireFinite(String what, float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new CheckpointException(what + " holds " + v + ": a policy's numbers must be finite");
            }
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
