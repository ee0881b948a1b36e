package dev.baton.workflow;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Converts a {@link Workflow} to and from JSON, the form traces and datasets store it in:
 *
 * <pre>
 * {"steps":[{"worker":"gpt-4o","subtask":"...","access":"none"},
 *           {"worker":"claude","subtask":"...","access":[0]}]}
 * </pre>
 *
 * {@code access} is {@code "none"}, {@code "all"} or a list of earlier step indices. Unlike the text
 * format, workers appear by id, so the JSON does not depend on a pool view.
 */
public final class WorkflowJson {

    // Duplicate keys and trailing content are rejected: in a stored workflow they mean corruption.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> STEP_FIELDS = Set.of("worker", "subtask", "access", "role");

    private WorkflowJson() {
    }

    /** Writes a workflow as compact JSON. */
    public static String toJson(Workflow workflow) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode steps = root.putArray("steps");
        for (Step step : workflow.steps()) {
            ObjectNode node = steps.addObject();
            node.put("worker", step.workerId());
            node.put("subtask", step.subtask());
            switch (step.access()) {
                case Access.None none -> node.put("access", "none");
                case Access.All all -> node.put("access", "all");
                case Access.Steps seen -> seen.indices().forEach(node.putArray("access")::add);
            }
            step.role().ifPresent(role -> node.put("role", role));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            // A tree of plain strings and numbers always serializes; reaching here is a bug.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a workflow from JSON.
     *
     * @throws WorkflowParseException naming the problem and where it is: the character offset for
     *                                malformed JSON, the field path ({@code steps[1].access}) otherwise
     */
    public static Workflow fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new WorkflowParseException("not valid JSON: " + e.getOriginalMessage(),
                    at == null ? -1 : (int) at.getCharOffset());
        }
        if (root == null || root.isMissingNode()) {
            throw new WorkflowParseException("not valid JSON: the text is empty", 0);
        }
        if (!root.isObject()) {
            throw new WorkflowParseException("a workflow must be a JSON object with a \"steps\" list, not "
                    + root.getNodeType().toString().toLowerCase());
        }
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray()) {
            throw new WorkflowParseException("a workflow needs a \"steps\" list");
        }
        if (steps.isEmpty()) {
            throw new WorkflowParseException("steps: a workflow needs at least one step");
        }
        List<Step> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            parsed.add(stepFrom(steps.get(i), i));
        }
        return new Workflow(parsed);
    }

    private static Step stepFrom(JsonNode node, int index) {
        String where = "steps[" + index + "]";
        if (!node.isObject()) {
            throw new WorkflowParseException(where + ": a step must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!STEP_FIELDS.contains(name)) {
                throw new WorkflowParseException(where + ": unknown field \"" + name
                        + "\"; a step has worker, subtask and access");
            }
        }
        String worker = text(node, "worker", where);
        if (worker.isBlank()) {
            throw new WorkflowParseException(where + ".worker: must not be blank");
        }
        return new Step(worker, text(node, "subtask", where), accessFrom(node.get("access"), index, where));
    }

    private static String text(JsonNode step, String field, String where) {
        JsonNode value = step.get(field);
        if (value == null || !value.isTextual()) {
            throw new WorkflowParseException(where + "." + field + ": "
                    + (value == null ? "missing" : "must be a string"));
        }
        return value.asText();
    }

    private static Access accessFrom(JsonNode access, int step, String where) {
        String field = where + ".access";
        if (access == null) {
            throw new WorkflowParseException(field + ": missing; use \"none\", \"all\" or a list of step indices");
        }
        if (access.isTextual() && access.asText().equals("none")) {
            return Access.NONE;
        }
        if (access.isTextual() && access.asText().equals("all")) {
            return Access.ALL;
        }
        if (!access.isArray()) {
            throw new WorkflowParseException(field + ": expected \"none\", \"all\" or a list of step indices, not "
                    + access);
        }
        List<Integer> indices = new ArrayList<>();
        for (int k = 0; k < access.size(); k++) {
            JsonNode item = access.get(k);
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                throw new WorkflowParseException(field + "[" + k + "]: expected a step index, not " + item);
            }
            int seen = item.intValue();
            if (seen < 0 || seen >= step) {
                throw new WorkflowParseException(field + "[" + k + "]: step " + step
                        + " may only see earlier steps, not step " + seen);
            }
            indices.add(seen);
        }
        return Access.steps(indices);
    }
}
