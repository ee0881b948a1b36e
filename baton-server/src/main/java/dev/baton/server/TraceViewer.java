package dev.baton.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.io.Html;
import dev.baton.store.StoredTrace;
import dev.baton.store.TraceStore;
import dev.baton.web.EChartsScript;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The trace viewer, for people: {@code GET /ui} lists recent requests, {@code GET /ui/traces/{id}} shows one request's
 * workflow as a graph with every call in detail, and {@code GET /ui/echarts.min.js} serves the chart library from its
 * WebJar, so the pages work with no network. Guarded by {@link UiAccess}.
 */
final class TraceViewer {

    private static final int LISTED = 50;

    private final TraceStore traces;

    private TraceViewer(TraceStore traces) {
        this.traces = traces;
    }

    /** Returns whether the viewer serves {@code path}: its failures are then answered as pages, not JSON. */
    static boolean serves(String path) {
        return path.equals("/ui") || path.startsWith("/ui/");
    }

    /** Registers the viewer's routes and its access check. */
    static void register(RoutesConfig routes, TraceStore traces, ApiKeyCheck keys) {
        TraceViewer viewer = new TraceViewer(traces);
        UiAccess access = new UiAccess(keys);
        routes.before("/ui", TraceViewer::protect);
        routes.before("/ui/*", TraceViewer::protect);
        routes.before("/ui", access);
        routes.before("/ui/*", access);
        routes.get("/ui", viewer::list);
        routes.get("/ui/traces/{id}", viewer::one);
        routes.get("/ui/echarts.min.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                .header("Cache-Control", "max-age=86400").result(EChartsScript.source()));
    }

    /** Sets the headers every viewer answer carries, refusals included: its content policy, and no framing. */
    private static void protect(Context ctx) {
        ctx.header("Content-Security-Policy", TracePages.CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
    }

    private void list(Context ctx) {
        ctx.html(TracePages.list(traces.recent(LISTED)));
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        StoredTrace stored = traces.get(id).orElse(null);
        if (stored == null) {
            ctx.status(HttpStatus.NOT_FOUND).html(TracePages.page("Not found", "<p><a href=\"/ui\">\u2190 recent requests</a></p>"
                    + "<p class=\"empty\">No trace with id '" + Html.escape(id) + "'.</p>", false));
            return;
        }
        JsonNode trace;
        try {
            trace = Json.MAPPER.readTree(stored.traceJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored trace " + id + " is not JSON", e);
        }
        ctx.html(TracePages.trace(stored, trace));
    }
}
