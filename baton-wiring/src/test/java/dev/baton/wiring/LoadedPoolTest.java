package dev.baton.wiring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.baton.execute.Budget;
import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.execute.Trace;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.FailureKind;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A live pool's executor against an OpenAI-compatible server on loopback that misbehaves on purpose. */
class LoadedPoolTest {

    @TempDir
    Path dir;

    /** An OpenAI-compatible provider on loopback, reset before each test. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort()).build();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // it asks for 28 hours
    void aRateLimitAskingForHoursFailsTheCallAtOnceWithTheProvidersFigure() throws IOException {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "100000")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\"}}")));
        Path pool = gptPool("");
        LoadedPool loaded = LoadedPool.load(pool.toString(), "gsm8k", Optional.empty(), Map.of());

        Trace trace = loaded.executor(Optional.empty()).run(Workflow.of(Step.independent("gpt", "Solve it.")),
                Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER), loaded.pool(), Budget.unlimited());

        assertThat(server.getAllServeEvents()).hasSize(1);
        assertThat(trace.calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failed.error()).contains("429", "Rate limit reached", "100000 s");
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aWorkersRpmHoldsTheCallsBeyondItAndFailsOneWhoseTurnComesAfterItsDeadline() throws Exception {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("""
                {"id":"1","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[{"index":0,
                 "message":{"role":"assistant","content":"42"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":20,"completion_tokens":1,"total_tokens":21}}
                """)));
        Path pool = gptPool("rpm: 2\n");
        LoadedPool loaded = LoadedPool.load(pool.toString(), "gsm8k", Optional.empty(), Map.of());
        Executor executor = loaded.executor(Optional.empty()); // its minute starts now
        Task task = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);

        // Three steps at once under a 20 s deadline: two turns this minute, and the third's comes after the deadline.
        Trace trace = executor.run(new Workflow(IntStream.range(0, 3).mapToObj(i -> Step.independent("gpt", "Solve " + i)).toList()),
                task, loaded.pool(), Budget.unlimited().withDeadline(Duration.ofSeconds(20)));

        assertThat(server.getAllServeEvents()).hasSize(2);
        assertThat(trace.calls()).filteredOn(call -> call.reply().isPresent()).hasSize(2);
        assertThat(trace.calls()).filteredOn(call -> call.reply().isEmpty()).singleElement()
                .satisfies(call -> assertThat(call.result()).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
                    assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
                    assertThat(failed.attempts()).isEqualTo(1);
                    // What is left of the 20 s depends on how fast the machine got here.
                    assertThat(failed.error()).matches("rpm limit 2 of worker gpt: its next turn comes in \\d+\\.\\d s, "
                            + "later than this call can wait \\((1\\d\\.\\d|20\\.0) s\\)");
                }));

        // A call with time to wait is held for the next minute's turns, not refused: the server hears nothing of it.
        AtomicReference<Trace> held = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> held.set(executor.call(loaded.pool().get("gpt"), "held",
                List.of(ChatMessage.user("Solve it.")), task, Budget.unlimited())));
        assertThat(caller.join(Duration.ofSeconds(2))).as("still waiting for its turn").isFalse();
        assertThat(server.getAllServeEvents()).hasSize(2);
        caller.interrupt();
        caller.join();
        assertThat(held.get().calls().getFirst().result()).isInstanceOfSatisfying(CallResult.Failed.class,
                failed -> assertThat(failed.error()).startsWith("interrupted while waiting for a turn"));
        assertThat(server.getAllServeEvents()).hasSize(2);
    }

    /** A pool file of one worker, {@code gpt}, at the loopback provider, with {@code more} settings (lines, unindented). */
    private Path gptPool(String more) throws IOException {
        return Files.writeString(dir.resolve("pool.yaml"), """
                workers:
                  - id: gpt
                    provider: openai
                    model: gpt-4o-mini
                    base_url: http://127.0.0.1:%d/v1
                    price: {input: 0.15, output: 0.60}
                """.formatted(server.getPort()) + more.indent(4));
    }
}
