package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.store.StoredTrace;
import dev.baton.task.Task;
import dev.baton.web.EChartsScript;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The trace viewer over HTTP: what it lists and shows, what it escapes, and who may see it. */
class TraceViewerTest {

    private static final String KEY = "sk-viewer-test";

    @Test
    void listsAnsweredRequestsAndShowsEachWorkflow() {
        try (ServerFixture fixture = new ServerFixture(ServerSettings.loopback(0), List.of("moa:top3"))) {
            Task task = ServerFixture.recordedTask();
            String id = ServerFixture.json(fixture.post("/v1/chat/completions", ServerFixture.chat("moa:top3", task.question())))
                    .get("id").asText();

            HttpResponse<String> list = fixture.get("/ui");
            HttpResponse<String> page = fixture.get("/ui/traces/" + id);

            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(list.body()).contains("/ui/traces/" + id, "moa:top3");
            assertThat(page.statusCode()).isEqualTo(200);
            // Three proposers and the aggregator: four step cards, the aggregator's edges drawn from all three.
            assertThat(page.body()).contains("id=\"step-0-0\"", "id=\"step-0-3\"", "\"source\":\"step-0-2\",\"target\":\"step-0-3\"")
                    .contains("<script src=\"/ui/echarts.min.js\"></script>");
        }
    }

    @Test
    void hostileQuestionAndReplyAreShownAsText() {
        try (ServerFixture fixture = new ServerFixture(ServerSettings.loopback(0), List.of("best-solo"))) {
            String json = """
                    {"question": "<script>alert(1)</script>", "answer": "<img src=x onerror=alert(2)>", "rounds": 1,
                     "planning": [], "steps": [{"round": 0, "step": 0, "worker": "w<b>", "subtask": "</script>",
                     "status": "answered", "cached": false, "input_tokens": 1, "output_tokens": 2, "cost_usd": 0.0,
                     "latency_ms": 3, "attempts": 1, "started_ms": 0, "reply": "<script>alert(3)</script>", "messages": []}]}""";
            fixture.store.traces().put(new StoredTrace("chatcmpl-hostile", Instant.now(), "best-solo", "<script>alert(1)</script>",
                    Optional.of("<img src=x onerror=alert(2)>"), 1, 0, Duration.ofMillis(5), json));

            String list = fixture.get("/ui").body();
            String page = fixture.get("/ui/traces/chatcmpl-hostile").body();

            assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert", "<img src=x");
            assertThat(page).contains("&lt;script&gt;alert(3)&lt;/script&gt;", "w&lt;b&gt;")
                    .doesNotContain("<script>alert", "<img src=x", "<b>");
        }
    }

    @Test
    void aReplysControlCharactersAreDroppedAsTheReportDropsThem() {
        try (ServerFixture fixture = new ServerFixture(ServerSettings.loopback(0), List.of("best-solo"))) {
            // A worker that colours its terminal output: ESC and NUL have no place in a page, escaped or not.
            String json = """
                    {"question": "q", "answer": "a", "rounds": 1, "planning": [], "steps": [{"round": 0, "step": 0,
                     "worker": "w", "subtask": "s", "status": "answered", "cached": false, "input_tokens": 1,
                     "output_tokens": 2, "cost_usd": 0.0, "latency_ms": 3, "attempts": 1, "started_ms": 0,
                     "reply": "\\u001b[31mred\\u001b[0m\\u0000 & done", "messages": []}]}""";
            fixture.store.traces().put(new StoredTrace("chatcmpl-colours", Instant.now(), "best-solo", "q\u0007",
                    Optional.of("a"), 1, 0, Duration.ofMillis(5), json));

            String page = fixture.get("/ui/traces/chatcmpl-colours").body();

            assertThat(page).contains("<pre class=\"reply\">[31mred[0m &amp; done</pre>", "<pre id=\"question\">q</pre>")
                    .doesNotContain("\u001b", "\u0000", "\u0007");
        }
    }

    @Test
    void unknownTraceIsNotFound() {
        try (ServerFixture fixture = new ServerFixture(ServerSettings.loopback(0), List.of("best-solo"))) {
            HttpResponse<String> page = fixture.get("/ui/traces/%3Cnone%3E");

            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("No trace with id '&lt;none&gt;'");
        }
    }

    @Test
    void everyViewerAnswerForbidsFramingAndRunsOnlyTheViewersOwnScripts() {
        try (ServerFixture fixture = new ServerFixture(ServerSettings.loopback(0), List.of("moa:top3"));
             ServerFixture locked = new ServerFixture(ServerSettings.loopback(0).withApiKeys(List.of(KEY)), List.of("best-solo"))) {
            String id = ServerFixture.json(fixture.post("/v1/chat/completions",
                    ServerFixture.chat("moa:top3", ServerFixture.recordedTask().question()))).get("id").asText();
            HttpResponse<String> trace = fixture.get("/ui/traces/" + id);

            for (HttpResponse<String> answer : List.of(fixture.get("/ui"), trace, fixture.get("/ui/echarts.min.js"),
                    fixture.get("/ui/traces/none"), fixture.get("/ui/no/such/page"), locked.get("/ui"))) {
                assertThat(answer.headers().firstValue("X-Frame-Options")).as(answer.uri().toString()).contains("DENY");
                String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow(
                        () -> new AssertionError("no Content-Security-Policy on " + answer.uri()));
                assertThat(policy).contains("default-src 'none'", "script-src 'self' 'sha256-", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
            }
            // Scripts are the viewer's own: from its address, or inline and named in the policy by their hash.
            String policy = trace.headers().firstValue("Content-Security-Policy").orElseThrow();
            Matcher script = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(trace.body());
            int inline = 0;
            while (script.find()) {
                String attributes = script.group(1);
                if (attributes.contains("src=")) {
                    assertThat(attributes).contains("src=\"/ui/");
                } else if (!attributes.contains("type=\"application/json\"")) {
                    inline++;
                    assertThat(policy).contains("'sha256-" + sha256(script.group(2)) + "'");
                }
            }
            assertThat(inline).isEqualTo(1);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void servesEChartsFromItsWebJar() {
        try (ServerFixture fixture = new ServerFixture(ServerSettings.loopback(0), List.of("best-solo"))) {
            HttpResponse<String> script = fixture.get("/ui/echarts.min.js");

            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body()).isEqualTo(EChartsScript.source());
        }
    }

    @Test
    void withApiKeysTheViewerNeedsOneByHeaderOrByCookie() {
        try (ServerFixture fixture = new ServerFixture(ServerSettings.loopback(0).withApiKeys(List.of(KEY)), List.of("best-solo"))) {
            assertThat(fixture.get("/ui").statusCode()).isEqualTo(401);
            assertThat(fixture.get("/ui/echarts.min.js").statusCode()).isEqualTo(401);
            assertThat(fixture.get("/ui?key=sk-wrong").statusCode()).isEqualTo(401);
            assertThat(fixture.get("/ui", "Authorization", "Bearer " + KEY).statusCode()).isEqualTo(200);

            HttpResponse<String> login = fixture.get("/ui?key=" + KEY);

            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Location")).contains("/ui");
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith(UiAccess.COOKIE + "=" + KEY).containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict").contains("Path=/ui");
            assertThat(fixture.get("/ui", "Cookie", UiAccess.COOKIE + "=" + KEY).statusCode()).isEqualTo(200);
            assertThat(fixture.get("/ui", "Cookie", UiAccess.COOKIE + "=sk-wrong").statusCode()).isEqualTo(401);
        }
    }
}
