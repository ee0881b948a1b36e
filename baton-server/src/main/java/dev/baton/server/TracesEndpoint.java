package dev.baton.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.store.StoredTrace;
import dev.baton.store.TraceStore;
import io.javalin.http.Context;

/**
 * {@code GET /v1/traces/{id}}: the trace of one request as {@code TraceJson} wrote it (every call, its messages,
 * reply, tokens, cost, latency); {@code GET /v1/traces?limit=N}: a summary of the most recent requests.
 */
final class TracesEndpoint {

    private static final int MAX_LIST = 1_000;

    private final TraceStore traces;

    TracesEndpoint(TraceStore traces) {
        this.traces = traces;
    }

    void one(Context ctx) {
        String id = ctx.pathParam("id");
        StoredTrace trace = traces.get(id).orElseThrow(() -> ApiException.notFound("No trace with id '" + id + "'"));
        ctx.header(ChatCompletionsEndpoint.TRACE_ID, trace.id());
        ctx.contentType("application/json").result(trace.traceJson());
    }

    void recent(Context ctx) {
        String given = ctx.queryParam("limit");
        int limit = 20;
        if (given != null) {
            try {
                limit = Integer.parseInt(given.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIST) {
                throw ApiException.invalidRequest("'limit' must be a whole number from 1 to " + MAX_LIST + ", got '" + given
                        + "'", "limit");
            }
        }
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (StoredTrace trace : traces.recent(limit)) {
            ObjectNode node = data.addObject();
            node.put("id", trace.id());
            node.put("created", trace.created().getEpochSecond());
            node.put("model", trace.model());
            node.put("question", trace.question());
            trace.answer().ifPresentOrElse(a -> node.put("answer", a), () -> node.putNull("answer"));
            node.put("calls", trace.calls());
            node.put("cost_usd", trace.costUsd());
            node.put("latency_ms", trace.latency().toMillis());
        }
        ctx.contentType("application/json").result(Json.write(root));
    }
}
