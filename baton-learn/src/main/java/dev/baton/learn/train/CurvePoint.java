package dev.baton.learn.train;

/**
 * How one training iteration's sampled workflows did.
 *
 * @param iteration  1-based
 * @param reward     mean reward
 * @param accuracy   share answered correctly, in percent
 * @param meanCostUsd mean cost per workflow
 * @param meanCalls  mean calls per workflow
 */
public record CurvePoint(int iteration, double reward, double accuracy, double meanCostUsd, double meanCalls) {
}
