package dev.baton.resilience;

import dev.baton.execute.CallResult;
import dev.baton.execute.Interceptor;
import dev.baton.worker.FailureKind;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds each attempt to a worker to the worker's requests and tokens per minute, with the worker's own resilience4j
 * {@link RateLimiter}s (a pool file's {@code rpm} and {@code tpm}). An attempt beyond a limit waits for its turn, turns
 * going in the order attempts asked, as long as the run's deadline allows; one whose turn would come after the deadline
 * fails at once as {@link FailureKind#RATE_LIMITED} without reaching the worker, and without taking a turn a later
 * attempt could use. It is not retriable: the deadline comes closer as fast as the turn does, so a retry in the same run
 * would be refused too. Limits count in fixed one-minute windows from when the executor was built, so a minute's turns
 * may all go at the start of its window.
 *
 * <p>Tokens count an attempt's worst case before it starts: its prompt's estimated tokens plus the output limit the
 * worker sends (at least what a provider counts: OpenAI counts the larger of the two). A reply that used more
 * (a prompt the estimate undercounted) is charged the difference afterwards; one that used fewer gives nothing back, as
 * a resilience4j limiter cannot return permits, so the limit errs on the provider's side. An attempt whose worst case
 * is above the whole per-minute limit fails at once: no wait would let it through.
 */
final class RateLimitLink implements Interceptor {

    /** The period a pool file's limits count over. */
    static final Duration PER_MINUTE = Duration.ofMinutes(1);

    private final RateLimiterRegistry requests;
    private final RateLimiterRegistry tokens;
    private final Sleeper sleeper;
    /** Per worker: looking at a limiter and reserving on it is one step, so a refused attempt reserves nothing. */
    private final ConcurrentMap<String, Lock> turns = new ConcurrentHashMap<>();

    RateLimitLink(RateLimiterRegistry requests, RateLimiterRegistry tokens, Sleeper sleeper) {
        this.requests = requests;
        this.tokens = tokens;
        this.sleeper = sleeper;
    }

    /** Returns the configuration of a limit of {@code perMinute} permits a minute. */
    static RateLimiterConfig perMinute(int perMinute) {
        // The wait is set per attempt, to what its deadline allows, under the worker's lock.
        return RateLimiterConfig.custom().limitForPeriod(perMinute).limitRefreshPeriod(PER_MINUTE)
                .timeoutDuration(Duration.ZERO).writableStackTraceEnabled(false).build();
    }

    @Override
    public CallResult intercept(Chain chain) {
        String worker = chain.worker().id();
        Optional<RateLimiter> requestLimit = requests.find(worker);
        Optional<RateLimiter> tokenLimit = tokens.find(worker);
        if (requestLimit.isEmpty() && tokenLimit.isEmpty()) {
            return chain.proceed(chain.request());
        }
        long input = chain.request().estimatedInputTokens();
        long worstCase = input + chain.worker().maxOutputTokens(chain.request().options());
        String tokensWhy = String.format(Locale.ROOT, "%,d tokens (%,d estimated in + %,d out)", worstCase, input,
                worstCase - input);
        if (tokenLimit.isPresent() && worstCase > limit(tokenLimit.get())) {
            return refused(String.format(Locale.ROOT, "tpm limit %d of worker %s: this call may use %s, more than the "
                    + "limit allows in a minute; raise tpm or lower max_output_tokens", limit(tokenLimit.get()), worker,
                    tokensWhy));
        }
        Lock lock = turns.computeIfAbsent(worker, id -> new ReentrantLock());
        long wait;
        lock.lock();
        try {
            long left = nanos(chain.budget().timeLeft());
            // Requests are looked at before anything is reserved, so that their refusal leaves the tokens untouched.
            if (requestLimit.isPresent() && nanosToNextTurn(requestLimit.get()) > canWait(requestLimit.get(), left)) {
                return noRequestTurn(requestLimit.get(), worker, left);
            }
            long tokenWait = tokenLimit.map(limiter -> reserve(limiter, (int) worstCase, left)).orElse(0L);
            if (tokenWait < 0) {
                return refused(String.format(Locale.ROOT, "tpm limit %d of worker %s: this call's %s get no turn "
                        + "within the %s it can wait", limit(tokenLimit.get()), worker, tokensWhy,
                        seconds(canWait(tokenLimit.get(), left))));
            }
            long requestWait = requestLimit.map(limiter -> reserve(limiter, 1, left)).orElse(0L);
            if (requestWait < 0) { // only when something outside this link took the turn looked at above
                return noRequestTurn(requestLimit.get(), worker, left);
            }
            wait = Math.max(requestWait, tokenWait);
        } finally {
            lock.unlock();
        }
        if (wait > 0) {
            try {
                sleeper.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return refused("interrupted while waiting for a turn under the rate limits of worker " + worker);
            }
        }
        CallResult result = chain.proceed(chain.request());
        if (result instanceof CallResult.Answered answered && tokenLimit.isPresent()
                && answered.reply().totalTokens() > worstCase) {
            charge(lock, tokenLimit.get(), answered.reply().totalTokens() - worstCase);
        }
        return result;
    }

    private static CallResult noRequestTurn(RateLimiter limiter, String worker, long leftNanos) {
        return refused(String.format(Locale.ROOT, "rpm limit %d of worker %s: its next turn comes in %s, later than this "
                + "call can wait (%s)", limit(limiter), worker, seconds(nanosToNextTurn(limiter)),
                seconds(canWait(limiter, leftNanos))));
    }

    /** Takes {@code extra} tokens the reply used beyond its estimate from the turns to come. */
    private static void charge(Lock lock, RateLimiter limiter, long extra) {
        lock.lock();
        try {
            reserve(limiter, (int) Math.min(extra, Integer.MAX_VALUE), Long.MAX_VALUE);
        } finally {
            lock.unlock();
        }
    }

    /** Reserves {@code permits} if their turn comes within {@code leftNanos}; returns the wait, or -1 for no turn. */
    private static long reserve(RateLimiter limiter, int permits, long leftNanos) {
        limiter.changeTimeoutDuration(Duration.ofNanos(canWait(limiter, leftNanos)));
        return limiter.reservePermission(permits);
    }

    /** Returns how long a turn of one permit is away, without reserving it. */
    private static long nanosToNextTurn(RateLimiter limiter) {
        return limiter.getMetrics() instanceof AtomicRateLimiter.AtomicRateLimiterMetrics metrics ? metrics.getNanosToWait() : 0;
    }

    /**
     * Returns the longest an attempt with {@code leftNanos} to its deadline may wait on {@code limiter}: never so
     * many periods ahead that the permits reserved could overflow the limiter's {@code int} count (at 1,000,000 a
     * minute, 35 hours).
     */
    private static long canWait(RateLimiter limiter, long leftNanos) {
        long periods = Integer.MAX_VALUE / limit(limiter) - 1L;
        long period = limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
        long longest = periods > Long.MAX_VALUE / period ? Long.MAX_VALUE : periods * period;
        return Math.min(leftNanos, longest);
    }

    private static int limit(RateLimiter limiter) {
        return limiter.getRateLimiterConfig().getLimitForPeriod();
    }

    private static long nanos(Duration duration) {
        return duration.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : duration.toNanos();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static CallResult refused(String why) {
        return new CallResult.Failed(why, FailureKind.RATE_LIMITED, false, 1, Optional.empty());
    }
}
