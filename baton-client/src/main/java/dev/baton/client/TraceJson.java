package dev.baton.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.json.SharedBufferJson;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Reply;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes an answer and its whole trace as JSON: every call with what it was asked, what came back, tokens, cost,
 * latency, attempts, whether it was cached, and why it failed or was skipped. {@code usage_estimated} is true where
 * the provider reported no usage and the tokens (and so the cost) were estimated from characters. Field names follow the
 * OpenTelemetry GenAI conventions where one exists ({@code input_tokens}, {@code output_tokens}).
 */
public final class TraceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper(SharedBufferJson.factory()).enable(SerializationFeature.INDENT_OUTPUT);

    private TraceJson() {
    }

    /** Returns the answer and its trace as an indented JSON document. */
    public static String of(Answer answer) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("question", answer.question());
        if (answer.text().isPresent()) {
            root.put("answer", answer.text().get());
        } else {
            root.putNull("answer");
        }
        root.put("conductor", answer.conductor());
        root.put("calls", answer.calls());
        root.put("cost_usd", answer.costUsd());
        root.put("input_tokens", answer.inputTokens());
        root.put("output_tokens", answer.outputTokens());
        root.put("elapsed_ms", answer.elapsed().toMillis());
        root.put("rounds", answer.trace().rounds());
        calls(root.putArray("planning"), answer.trace().planning());
        calls(root.putArray("steps"), answer.trace().calls());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serializes; reaching here is a bug.
            throw new UncheckedIOException(e);
        }
    }

    private static void calls(ArrayNode array, List<CallRecord> calls) {
        for (CallRecord call : calls) {
            ObjectNode node = array.addObject();
            node.put("round", call.round());
            node.put("step", call.step());
            node.put("worker", call.workerId());
            call.role().ifPresent(role -> node.put("role", role));
            node.put("subtask", call.subtask());
            node.put("started_ms", call.startedAt().toMillis());
            node.put("attempts", call.attempts());
            switch (call.result()) {
                case CallResult.Answered answered -> {
                    node.put("status", "answered");
                    node.put("cached", answered.cached());
                    Reply reply = answered.reply();
                    node.put("input_tokens", reply.inputTokens());
                    node.put("output_tokens", reply.outputTokens());
                    node.put("usage_estimated", reply.usageEstimated());
                    node.put("cost_usd", reply.costUsd());
                    node.put("latency_ms", reply.latency().toMillis());
                    node.put("reply", reply.text());
                }
                case CallResult.Failed failed -> {
                    node.put("status", "failed");
                    node.put("error", failed.error());
                    node.put("error_kind", failed.kind().name().toLowerCase(Locale.ROOT));
                    node.put("retriable", failed.retriable());
                }
                case CallResult.Skipped skipped -> {
                    node.put("status", "skipped");
                    node.put("reason", skipped.reason());
                }
            }
            ArrayNode messages = node.putArray("messages");
            for (ChatMessage message : call.messages()) {
                messages.addObject().put("role", message.role().name().toLowerCase(Locale.ROOT)).put("text", message.text());
            }
        }
    }
}
