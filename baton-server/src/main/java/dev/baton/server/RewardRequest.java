package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.input.UnknownNameException;
import dev.baton.task.AnswerType;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code POST /v1/rewards} body: the task (a loaded benchmark's task id, or a question with its gold answer and
 * answer type), the conductor's raw reply, and how to turn the outcome into a reward.
 *
 * <pre>
 * {"task_id": "gsm8k-17", "completion": "...model_id = [3]\nsubtasks = [...]\naccess_list = [[]]", "mode": "paper"}
 * {"question": "What is 6 * 7?", "gold": "42", "answer_type": "number", "completion": "...", "mode": "cost", "lambda": 10}
 * </pre>
 *
 * @param task       which task the workflow answers
 * @param completion what the conductor wrote: free reasoning and the three lists
 * @param mode       the reward's rule
 */
record RewardRequest(TaskGiven task, String completion, RewardMode mode) {

    RewardRequest {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(mode, "mode");
    }

    /** How the request names its task. */
    sealed interface TaskGiven {
        /** A task of the benchmark the server loaded. */
        record ById(String id) implements TaskGiven {
        }

        /** A task the request spells out; the gold answer stays with the grader. */
        record Spelled(String question, String gold, AnswerType answerType) implements TaskGiven {
        }
    }

    /**
     * Reads a body.
     *
     * @throws ApiException (400) for malformed JSON, a missing or mistyped field, both or neither of {@code task_id}
     *                      and {@code question}, an unknown mode or answer type, or a bad {@code lambda}
     */
    static RewardRequest parse(String body) {
        JsonNode root = Json.readRequest(body);
        String completion = text(root, "completion").orElseThrow(() -> missing("completion",
                "the conductor's raw reply, holding model_id, subtasks and access_list"));
        return new RewardRequest(task(root), completion, mode(root));
    }

    private static TaskGiven task(JsonNode root) {
        Optional<String> id = text(root, "task_id");
        Optional<String> question = text(root, "question");
        if (id.isPresent() && (question.isPresent() || root.hasNonNull("gold"))) {
            throw ApiException.invalidRequest("Give either 'task_id' or 'question' with 'gold' and 'answer_type', not both",
                    "task_id");
        }
        if (id.isPresent()) {
            if (id.get().isBlank()) {
                throw ApiException.invalidRequest("'task_id' must not be blank", "task_id");
            }
            return new TaskGiven.ById(id.get());
        }
        if (question.isEmpty()) {
            throw missing("task_id", "a task id of the loaded benchmark, or 'question' with 'gold' and 'answer_type'");
        }
        if (question.get().isBlank()) {
            throw ApiException.invalidRequest("'question' must not be blank", "question");
        }
        String gold = text(root, "gold").orElseThrow(() -> missing("gold", "the reference answer the grader judges by"));
        String type = text(root, "answer_type").orElseThrow(() -> missing("answer_type", "number, math, choice or text"));
        try {
            return new TaskGiven.Spelled(question.get(), gold, AnswerType.parse(type));
        } catch (UnknownNameException e) {
            throw ApiException.invalidRequest("'answer_type' must be number, math, choice or text, got '" + type + "'",
                    "answer_type");
        }
    }

    private static RewardMode mode(JsonNode root) {
        String mode = text(root, "mode").orElse("paper");
        JsonNode lambda = root.get("lambda");
        return switch (mode) {
            case "paper" -> {
                if (lambda != null && !lambda.isNull()) {
                    throw ApiException.invalidRequest("'lambda' is for mode 'cost'; mode 'paper' charges nothing", "lambda");
                }
                yield new RewardMode.Paper();
            }
            case "cost" -> {
                if (lambda == null || lambda.isNull()) {
                    throw missing("lambda", "the reward charged per USD spent, for mode 'cost'");
                }
                if (!lambda.isNumber() || !(lambda.asDouble() >= 0) || lambda.asDouble() > RewardMode.Cost.MAX_LAMBDA) {
                    throw ApiException.invalidRequest("'lambda' must be a number from 0 to " + (long) RewardMode.Cost.MAX_LAMBDA
                            + ", got " + lambda, "lambda");
                }
                yield new RewardMode.Cost(lambda.asDouble());
            }
            default -> throw ApiException.invalidRequest("'mode' must be 'paper' or 'cost', got '" + mode + "'", "mode");
        };
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiException.invalidRequest("'" + field + "' must be a string", field);
        }
        return Optional.of(node.asText());
    }

    private static ApiException missing(String field, String what) {
        return ApiException.invalidRequest("Missing required parameter: '" + field + "' (" + what + ")", field);
    }
}
