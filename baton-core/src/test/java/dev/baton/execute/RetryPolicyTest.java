package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.FailureKind;
import dev.baton.worker.Price;
import dev.baton.worker.TaskRef;
import dev.baton.worker.WorkerCard;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesFromTheSecondAttempt() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100));

        assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffBefore(4)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void standardTriesThreeTimesStartingAtHalfASecond() {
        assertThat(RetryPolicy.standard()).isEqualTo(new RetryPolicy(3, Duration.ofMillis(500)));
        assertThat(RetryPolicy.none()).isEqualTo(new RetryPolicy(1, Duration.ZERO));
        assertThat(RetryPolicy.standard().maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rejectsNoAttemptsAndNegativeBackoff() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.standard().withMaxRetryAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryAfter");
    }

    @Test
    void failsAtOnceWhenTheProviderAsksForAWaitBeyondTheMost() {
        FakeChain chain = new FakeChain(Duration.ofDays(365), Duration.ofSeconds(100_000));

        CallResult result = new RetryInterceptor(RetryPolicy.standard()).intercept(chain);

        assertThat(chain.proceeded.get()).isEqualTo(1);
        assertThat(result).isInstanceOfSatisfying(CallResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.error()).startsWith("busy").contains("100000 s", "60 s");
        });
    }

    @Test
    void waitsAsLongAsTheProviderAsksWithinTheMost() {
        FakeChain chain = new FakeChain(Duration.ofDays(1), Duration.ofMillis(60));
        long start = System.nanoTime();

        new RetryInterceptor(new RetryPolicy(2, Duration.ofMillis(1))).intercept(chain);

        assertThat(chain.proceeded.get()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void stopsRetryingWhenTheNextBackoffWouldReachTheDeadline() {
        // 20 ms before attempt 2 fits in 50 ms; 40 ms before attempt 3 does too; 80 ms before attempt 4 does not.
        FakeChain chain = new FakeChain(Duration.ofMillis(50));

        CallResult result = new RetryInterceptor(new RetryPolicy(10, Duration.ofMillis(20))).intercept(chain);

        assertThat(chain.proceeded.get()).isEqualTo(3);
        assertThat(result).isInstanceOfSatisfying(CallResult.Failed.class, f -> assertThat(f.attempts()).isEqualTo(3));
    }

    @Test
    void aBackoffExactlyAsLongAsTheTimeLeftIsNotWaited() {
        FakeChain chain = new FakeChain(Duration.ofMillis(30));

        new RetryInterceptor(new RetryPolicy(3, Duration.ofMillis(30))).intercept(chain);

        assertThat(chain.proceeded.get()).isEqualTo(1);
    }

    @Test
    void waitsTheBackoffBetweenAttempts() {
        FakeChain chain = new FakeChain(Duration.ofDays(1));
        long start = System.nanoTime();

        new RetryInterceptor(new RetryPolicy(3, Duration.ofMillis(15))).intercept(chain);

        assertThat(chain.proceeded.get()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(45));
    }

    /** A chain whose every attempt fails transiently and whose time left never changes. */
    private static final class FakeChain implements Interceptor.Chain {
        private final Duration timeLeft;
        private final Optional<Duration> retryAfter;
        final AtomicInteger proceeded = new AtomicInteger();

        FakeChain(Duration timeLeft) {
            this.timeLeft = timeLeft;
            this.retryAfter = Optional.empty();
        }

        /** A chain whose every attempt is rate limited with a provider asking to wait {@code retryAfter}. */
        FakeChain(Duration timeLeft, Duration retryAfter) {
            this.timeLeft = timeLeft;
            this.retryAfter = Optional.of(retryAfter);
        }

        @Override
        public CallRequest request() {
            Task task = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);
            return new CallRequest(TaskRef.of(task), List.of(ChatMessage.user("Solve.")), CallOptions.defaults());
        }

        @Override
        public WorkerCard worker() {
            return WorkerCard.of("w", Price.FREE);
        }

        @Override
        public CallSite site() {
            return new CallSite(0, 0, "Solve.", java.util.Optional.empty());
        }

        @Override
        public BudgetState budget() {
            return new FixedTimeLeft(timeLeft);
        }

        @Override
        public CallResult proceed(CallRequest next) {
            proceeded.incrementAndGet();
            return retryAfter.isEmpty() ? new CallResult.Failed("busy", true, 1)
                    : new CallResult.Failed("busy", FailureKind.RATE_LIMITED, true, 1, retryAfter);
        }
    }

    /** A budget whose time left stands still, so the test decides what fits. */
    private record FixedTimeLeft(Duration timeLeft) implements BudgetState {
        @Override
        public Budget budget() {
            return Budget.unlimited();
        }

        @Override
        public int calls() {
            return 0;
        }

        @Override
        public double spentUsd() {
            return 0;
        }

        @Override
        public double reservedUsd() {
            return 0;
        }

        @Override
        public Duration elapsed() {
            return Duration.ZERO;
        }
    }
}
