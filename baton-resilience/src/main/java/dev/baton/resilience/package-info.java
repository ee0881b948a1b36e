/**
 * Per-worker resilience for live pools: retry with backoff and jitter, requests and tokens per minute, a concurrency
 * limit and a circuit breaker for each worker, as interceptors an {@link dev.baton.execute.Executor.Builder} places in
 * its chain. Start at {@link dev.baton.resilience.Resilience}.
 */
package dev.baton.resilience;
