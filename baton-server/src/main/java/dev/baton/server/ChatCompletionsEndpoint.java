package dev.baton.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /v1/chat/completions}: answers with a {@code chat.completion}, or with server-sent
 * {@code chat.completion.chunk} events ending in {@code data: [DONE]} when {@code stream} is true. The workflow runs
 * to the end before the first byte is sent, so a stream's headers carry the cost too and a failure is still a plain
 * error response. Headers, after LiteLLM's: {@code x-baton-trace-id}, {@code x-baton-calls},
 * {@code x-baton-response-cost} (USD).
 */
final class ChatCompletionsEndpoint implements Handler {

    static final String TRACE_ID = "x-baton-trace-id";
    static final String CALLS = "x-baton-calls";
    static final String COST = "x-baton-response-cost";

    private final ChatAnswerer answerer;
    private final ServerLimits limits;

    ChatCompletionsEndpoint(ChatAnswerer answerer, ServerLimits limits) {
        this.answerer = answerer;
        this.limits = limits;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        byte[] body = BoundedBody.of(ctx);
        ChatRequest request = ChatRequest.parse(new String(body, StandardCharsets.UTF_8), limits.maxMessages());
        Completion completion = answerer.answer(request, BudgetHeaders.read(ctx, limits));
        ctx.header(TRACE_ID, completion.id());
        ctx.header(CALLS, Integer.toString(completion.answer().calls()));
        ctx.header(COST, BigDecimal.valueOf(completion.answer().costUsd()).toPlainString());
        if (completion.answer().text().isEmpty()) {
            throw ApiException.noAnswer("No worker answered (trace " + completion.id() + " has every call and why it "
                    + "failed or was skipped)");
        }
        if (request.stream()) {
            stream(ctx, completion, request.includeUsage());
        } else {
            ctx.contentType("application/json").result(CompletionJson.completion(completion));
        }
    }

    private static void stream(Context ctx, Completion completion, boolean includeUsage) throws IOException {
        ctx.status(200);
        ctx.contentType("text/event-stream; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        OutputStream out = ctx.res().getOutputStream();
        for (String chunk : CompletionJson.chunks(completion, includeUsage)) {
            event(out, chunk);
        }
        event(out, "[DONE]");
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
