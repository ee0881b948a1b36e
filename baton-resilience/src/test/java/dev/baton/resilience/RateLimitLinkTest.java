package dev.baton.resilience;

import static dev.baton.resilience.RetryLinkTest.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.execute.Budget;
import dev.baton.execute.BudgetState;
import dev.baton.execute.CallResult;
import dev.baton.execute.CallSite;
import dev.baton.execute.Executor;
import dev.baton.execute.Interceptor;
import dev.baton.execute.Trace;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.FailureKind;
import dev.baton.worker.Price;
import dev.baton.worker.RateLimits;
import dev.baton.worker.Reply;
import dev.baton.worker.TaskRef;
import dev.baton.worker.WorkerCard;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import io.github.resilience4j.core.registry.InMemoryRegistryStore;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rate limiter link on a clock of its own: no test waits, and none depends on how fast the machine is. */
class RateLimitLinkTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    /** "Solve." is 6 characters: 2 estimated tokens. */
    private static final long PROMPT_TOKENS = 2;

    private final AtomicLong nanoTime = new AtomicLong();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicInteger reached = new AtomicInteger();

    @Test
    void attemptsBeyondTheLimitAreHeldForLaterMinutesInTheOrderTheyAsked() {
        RateLimitLink link = link(limiters(Map.of("w", 2)), limiters(Map.of()), waits::add); // waits, time stands still

        List<CallResult> results = IntStream.range(0, 5).mapToObj(i -> link.intercept(chain(HOUR, 4096, 1, 1))).toList();

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(CallResult.Answered.class));
        assertThat(reached).hasValue(5);
        assertThat(waits).containsExactly(MINUTE, MINUTE, MINUTE.multipliedBy(2));
    }

    @Test
    void aTurnThatComesAfterTheDeadlineFailsAtOnceWithoutReachingTheWorkerOrTakingTheTurn() {
        RateLimitLink link = link(limiters(Map.of("w", 2)), limiters(Map.of()), this::sleep);
        link.intercept(chain(HOUR, 4096, 1, 1));
        link.intercept(chain(HOUR, 4096, 1, 1));

        CallResult third = link.intercept(chain(Duration.ofSeconds(10), 4096, 1, 1));

        assertThat(third).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failed.retriable()).isFalse();
            assertThat(failed.error()).isEqualTo("rpm limit 2 of worker w: its next turn comes in 60.0 s, later than this "
                    + "call can wait (10.0 s)");
        });
        assertThat(reached).hasValue(2);
        assertThat(waits).isEmpty();
        // The refused attempt left its turn to the next one, which waits one minute, not two.
        assertThat(link.intercept(chain(HOUR, 4096, 1, 1))).isInstanceOf(CallResult.Answered.class);
        assertThat(waits).containsExactly(MINUTE);
    }

    @Test
    void tokensCountTheEstimatedPromptAndTheOutputLimitBeforeTheCall() {
        RateLimitLink link = link(limiters(Map.of()), limiters(Map.of("w", 1000)), waits::add);

        link.intercept(chain(HOUR, 400, 1, 1));                 // 402 tokens
        link.intercept(chain(HOUR, 400, 1, 1));                 // 804
        assertThat(waits).isEmpty();
        link.intercept(chain(HOUR, 400, 1, 1));                 // 1,206: the next minute
        CallResult refused = link.intercept(chain(Duration.ofSeconds(10), 400, 1, 1));

        assertThat(waits).containsExactly(MINUTE);
        assertThat(refused).isInstanceOfSatisfying(CallResult.Failed.class, failed -> assertThat(failed.error())
                .isEqualTo("tpm limit 1000 of worker w: this call's 402 tokens (2 estimated in + 400 out) get no turn "
                        + "within the 10.0 s it can wait"));
        assertThat(reached).hasValue(3);
    }

    @Test
    void aCallAboveTheWholeTokenLimitFailsAtOnceSayingSo() {
        RateLimitLink link = link(limiters(Map.of()), limiters(Map.of("w", 1000)), waits::add);

        CallResult result = link.intercept(chain(HOUR, 4096, 1, 1));

        assertThat(result).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failed.retriable()).isFalse();
            assertThat(failed.error()).isEqualTo("tpm limit 1000 of worker w: this call may use 4,098 tokens (2 estimated "
                    + "in + 4,096 out), more than the limit allows in a minute; raise tpm or lower max_output_tokens");
        });
        assertThat(reached).hasValue(0);
        assertThat(waits).isEmpty();
    }

    @Test
    void aReplyThatUsedMoreTokensThanEstimatedIsChargedTheRest() {
        RateLimitLink link = link(limiters(Map.of()), limiters(Map.of("w", 1000)), waits::add);

        link.intercept(chain(HOUR, 100, 900, 50));  // 102 estimated, 950 used: 848 more
        link.intercept(chain(HOUR, 100, 1, 1));     // 102 more than the 50 left

        assertThat(waits).containsExactly(MINUTE);
    }

    @Test
    void anAttemptRefusedItsRequestTurnTakesNoTokens() {
        RateLimiterRegistry tokens = limiters(Map.of("w", 1000));
        RateLimitLink link = link(limiters(Map.of("w", 1)), tokens, waits::add);
        link.intercept(chain(HOUR, 100, 1, 1));

        CallResult refused = link.intercept(chain(Duration.ofSeconds(10), 100, 1, 1));

        assertThat(refused).isInstanceOfSatisfying(CallResult.Failed.class,
                failed -> assertThat(failed.error()).startsWith("rpm limit 1 of worker w: "));
        assertThat(tokens.find("w").orElseThrow().getMetrics().getAvailablePermissions()).isEqualTo(1000 - 102);
    }

    @Test
    void aWorkerWithoutLimitsIsNeverHeld() {
        RateLimitLink link = link(limiters(Map.of("other", 1)), limiters(Map.of("other", 1)), waits::add);

        IntStream.range(0, 10).forEach(i -> link.intercept(chain(HOUR, 4096, 1, 1)));

        assertThat(reached).hasValue(10);
        assertThat(waits).isEmpty();
    }

    @Test
    void aPoolsLimitsBecomeEachWorkersOwnLimitersThroughTheExecutor() {
        Resilience resilience = Resilience.of(ResilienceSettings.defaults(), Map.of(),
                Map.of("w", RateLimits.NONE.withRequestsPerMinute(2).withTokensPerMinute(90_000)));
        List<Step> steps = IntStream.range(0, 3).mapToObj(i -> Step.independent("w", "Solve " + i)).toList();

        // Three calls at once, two turns this minute: the third's turn comes after the run's deadline.
        Trace trace = resilience.applyTo(Executor.builder()).build().run(new Workflow(steps), TASK,
                Pool.of(List.of(ScriptedWorker.answering("w", "42"))), Budget.unlimited().withDeadline(Duration.ofSeconds(20)));

        assertThat(trace.calls()).filteredOn(call -> call.reply().isPresent()).hasSize(2);
        assertThat(trace.calls()).filteredOn(call -> call.result() instanceof CallResult.Failed failed
                && failed.kind() == FailureKind.RATE_LIMITED && failed.error().startsWith("rpm limit 2 of worker w:")).hasSize(1);
        RateLimiter tokens = resilience.tokenLimiters().find("w").orElseThrow();
        assertThat(tokens.getRateLimiterConfig().getLimitForPeriod()).isEqualTo(90_000);
        assertThat(tokens.getRateLimiterConfig().getLimitRefreshPeriod()).isEqualTo(MINUTE);
        assertThat(resilience.requestLimiters().find("other")).isEmpty();
    }

    private void sleep(Duration wait) {
        waits.add(wait);
        nanoTime.addAndGet(wait.toNanos());
    }

    /** Returns limiters of so many permits a minute by worker, on this test's clock. */
    private RateLimiterRegistry limiters(Map<String, Integer> perMinute) {
        InMemoryRegistryStore<RateLimiter> store = new InMemoryRegistryStore<>();
        perMinute.forEach((worker, limit) -> store.putIfAbsent(worker,
                new AtomicRateLimiter(worker, RateLimitLink.perMinute(limit), nanoTime::get)));
        return RateLimiterRegistry.custom().withRegistryStore(store).build();
    }

    private static RateLimitLink link(RateLimiterRegistry requests, RateLimiterRegistry tokens, Sleeper sleeper) {
        return new RateLimitLink(requests, tokens, sleeper);
    }

    /**
     * A chain to worker {@code w}, whose calls may generate {@code maxOutputTokens}, with {@code timeLeft} before the
     * deadline; the rest answers reporting {@code inputTokens} and {@code outputTokens}.
     */
    private Interceptor.Chain chain(Duration timeLeft, int maxOutputTokens, long inputTokens, long outputTokens) {
        CallRequest request = new CallRequest(TaskRef.of(TASK), List.of(ChatMessage.user("Solve.")), CallOptions.defaults());
        assertThat(request.estimatedInputTokens()).isEqualTo(PROMPT_TOKENS);
        BudgetState budget = TimeLeft.of(timeLeft);
        return new Interceptor.Chain() {
            @Override public CallRequest request() { return request; }
            @Override public WorkerCard worker() {
                return WorkerCard.of("w", new Price(1, 1)).withDefaultMaxOutputTokens(maxOutputTokens);
            }
            @Override public CallSite site() { return new CallSite(0, 0, "Solve."); }
            @Override public BudgetState budget() { return budget; }
            @Override public CallResult proceed(CallRequest next) {
                reached.incrementAndGet();
                return new CallResult.Answered(new Reply("42", inputTokens, outputTokens, 0, Duration.ZERO), 1);
            }
        };
    }
}
