package dev.baton.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.offline.RecordedQuestions;
import dev.baton.task.Task;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code POST /v1/rewards}: the reward environment for an external trainer of a conductor model (TRL, verl,
 * OpenRLHF). The body names a task and carries the conductor's raw reply; the answer says what the workflow earned:
 *
 * <pre>
 * {"object": "baton.reward", "reward": 1.0, "mode": "paper", "lambda": null, "parsed": true, "correct": true,
 *  "answer": "18", "final_response": "...", "workflow": "model_id = [3]\n...", "repairs": [], "error": null,
 *  "calls": 1, "cost_usd": 0.00042, "trace_id": "reward-..."}
 * </pre>
 *
 * A reply that holds no readable workflow is not a bad request: it earns the mode's lowest reward and says why in
 * {@code error}. Bad requests (a missing field, an unknown task id) are 400 in OpenAI's error JSON. The trace id is
 * also sent as {@code x-baton-trace-id}, with {@code x-baton-calls} and {@code x-baton-response-cost}.
 */
final class RewardEndpoint implements Handler {

    private final WorkflowRewarder rewarder;
    private final Optional<RecordedQuestions> recorded;
    private final ServerLimits limits;

    RewardEndpoint(WorkflowRewarder rewarder, Optional<RecordedQuestions> recorded, ServerLimits limits) {
        this.rewarder = rewarder;
        this.recorded = recorded;
        this.limits = limits;
    }

    @Override
    public void handle(Context ctx) {
        byte[] body = BoundedBody.of(ctx);
        RewardRequest request = RewardRequest.parse(new String(body, StandardCharsets.UTF_8));
        Task task = task(request.task());
        Reward reward = rewarder.judge(task, request.completion(), request.mode(), BudgetHeaders.read(ctx, limits));
        ctx.header(ChatCompletionsEndpoint.TRACE_ID, reward.traceId());
        ctx.header(ChatCompletionsEndpoint.CALLS, Integer.toString(reward.answer().calls()));
        ctx.header(ChatCompletionsEndpoint.COST, BigDecimal.valueOf(reward.answer().costUsd()).toPlainString());
        ctx.contentType("application/json").result(Json.write(json(reward)));
    }

    /**
     * Returns the task a request names. A replay pool answers only its recorded questions, so a spelled-out question
     * must be one of them; it keeps the request's gold and answer type.
     */
    private Task task(RewardRequest.TaskGiven given) {
        return switch (given) {
            case RewardRequest.TaskGiven.ById byId -> recorded.orElseThrow(() -> ApiException.invalidRequest("This server "
                            + "has no benchmark loaded (its pool is not a replay pool): send 'question', 'gold' and "
                            + "'answer_type' instead of 'task_id'", "task_id"))
                    .id(byId.id()).orElseThrow(() -> ApiException.invalidRequest("No task '" + byId.id() + "' in "
                            + recorded.get().benchmark(), "task_id"));
            case RewardRequest.TaskGiven.Spelled spelled -> {
                Task found = RecordedQuestions.replayedOrAsked(recorded, spelled.question(),
                        () -> Task.asked(spelled.question(), spelled.answerType()),
                        benchmark -> ApiException.invalidRequest("The replay pool answers only questions it has recordings "
                                + "for, and 'question' is not one of " + benchmark + "'s questions", "question"));
                // Graded by the request's gold and answer type, under the id a replay pool knows the question by.
                yield Task.of(found.id(), spelled.question(), spelled.gold(), spelled.answerType());
            }
        };
    }

    private static ObjectNode json(Reward reward) {
        ObjectNode root = Json.object();
        root.put("object", "baton.reward");
        root.put("reward", reward.reward());
        root.put("mode", reward.mode().id());
        if (reward.mode() instanceof RewardMode.Cost cost) {
            root.put("lambda", cost.lambda());
        } else {
            root.putNull("lambda");
        }
        root.put("parsed", reward.parsed());
        root.put("correct", reward.correct());
        putOptional(root, "answer", reward.extracted());
        putOptional(root, "final_response", reward.answer().text());
        putOptional(root, "workflow", reward.workflow());
        ArrayNode repairs = root.putArray("repairs");
        reward.repairs().forEach(repairs::add);
        putOptional(root, "error", reward.error());
        root.put("calls", reward.answer().calls());
        root.put("cost_usd", reward.answer().costUsd());
        root.put("input_tokens", reward.answer().inputTokens());
        root.put("output_tokens", reward.answer().outputTokens());
        root.put("trace_id", reward.traceId());
        return root;
    }

    private static void putOptional(ObjectNode node, String field, Optional<String> value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }
}
