package dev.baton.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.client.Answer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a completion in OpenAI's shapes: a {@code chat.completion} object, or the {@code chat.completion.chunk}
 * events of a stream. {@code usage} sums every worker call and carries {@code cost} in USD as OpenRouter does; an
 * extra {@code baton} object carries the trace id, calls, cost and every round's workflow.
 */
final class CompletionJson {

    private CompletionJson() {
    }

    /** Returns the whole answer as one {@code chat.completion}. */
    static String completion(Completion completion) {
        ObjectNode root = head(completion, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", completion.answer().text().orElse(""));
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        root.set("usage", usage(completion.answer()));
        root.set("baton", baton(completion));
        return Json.write(root);
    }

    /**
     * Returns the events of a streamed answer, each a JSON chunk without the {@code data: } framing: the role, the
     * answer as one content chunk (Baton answers when the workflow ends), the finish reason, then, when asked for, a
     * chunk with no choices carrying {@code usage}. The last chunk carries the {@code baton} object.
     */
    static List<String> chunks(Completion completion, boolean includeUsage) {
        List<ObjectNode> chunks = new ArrayList<>();
        ObjectNode role = chunk(completion, includeUsage);
        role.withArray("choices").addObject().put("index", 0).putNull("finish_reason")
                .putObject("delta").put("role", "assistant").put("content", "");
        chunks.add(role);
        ObjectNode content = chunk(completion, includeUsage);
        content.withArray("choices").addObject().put("index", 0).putNull("finish_reason")
                .putObject("delta").put("content", completion.answer().text().orElse(""));
        chunks.add(content);
        ObjectNode finish = chunk(completion, includeUsage);
        ObjectNode finishChoice = finish.withArray("choices").addObject();
        finishChoice.put("index", 0).putObject("delta");
        finishChoice.put("finish_reason", "stop");
        chunks.add(finish);
        if (includeUsage) {
            ObjectNode usage = chunk(completion, false);
            usage.putArray("choices");
            usage.set("usage", usage(completion.answer()));
            chunks.add(usage);
        }
        chunks.getLast().set("baton", baton(completion));
        return chunks.stream().map(Json::write).toList();
    }

    private static ObjectNode chunk(Completion completion, boolean nullUsage) {
        ObjectNode chunk = head(completion, "chat.completion.chunk");
        chunk.putArray("choices");
        if (nullUsage) {
            // OpenAI sends "usage": null on every chunk but the last when usage was asked for.
            chunk.putNull("usage");
        }
        return chunk;
    }

    private static ObjectNode head(Completion completion, String object) {
        ObjectNode root = Json.object();
        root.put("id", completion.id());
        root.put("object", object);
        root.put("created", completion.created());
        root.put("model", completion.model());
        return root;
    }

    private static ObjectNode usage(Answer answer) {
        ObjectNode usage = Json.object();
        usage.put("prompt_tokens", answer.inputTokens());
        usage.put("completion_tokens", answer.outputTokens());
        usage.put("total_tokens", answer.inputTokens() + answer.outputTokens());
        usage.put("cost", answer.costUsd());
        return usage;
    }

    private static ObjectNode baton(Completion completion) {
        ObjectNode baton = Json.object();
        baton.put("trace_id", completion.id());
        baton.put("conductor", completion.answer().conductor());
        baton.put("calls", completion.answer().calls());
        baton.put("cost_usd", completion.answer().costUsd());
        baton.put("elapsed_ms", completion.answer().elapsed().toMillis());
        ArrayNode workflows = baton.putArray("workflows");
        completion.workflows().forEach(workflows::add);
        return baton;
    }
}
