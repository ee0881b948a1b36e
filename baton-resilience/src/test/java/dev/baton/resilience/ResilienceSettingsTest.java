package dev.baton.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResilienceSettingsTest {

    private final ResilienceSettings defaults = ResilienceSettings.defaults();

    @Test
    void rejectsSettingsOutOfRangeNamingThem() {
        assertThatThrownBy(() -> defaults.withMaxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> defaults.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> defaults.withJitter(1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> defaults.withJitter(Double.NaN)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> defaults.withMaxConcurrentCalls(0)).hasMessageContaining("maxConcurrentCalls");
        assertThatThrownBy(() -> defaults.withCircuitBreaker(0, 10, Duration.ofSeconds(1))).hasMessageContaining("failureRateThreshold");
        assertThatThrownBy(() -> defaults.withCircuitBreaker(50, 0, Duration.ofSeconds(1))).hasMessageContaining("slidingWindowSize");
        assertThatThrownBy(() -> defaults.withCircuitBreaker(50, 10, Duration.ZERO)).hasMessageContaining("openDuration");
        assertThatThrownBy(() -> defaults.withMaxRetryAfter(Duration.ofSeconds(-1))).hasMessageContaining("maxRetryAfter");
    }

    @Test
    void aProvidersWaitIsFollowedForAMinuteAtMostByDefault() {
        assertThat(defaults.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.withMaxRetryAfter(Duration.ofSeconds(5)).maxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheMaximum() {
        ResilienceSettings settings = defaults.withBackoff(Duration.ofMillis(500), Duration.ofSeconds(3));

        assertThat(settings.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.backoff(100)).isEqualTo(Duration.ofSeconds(3));
    }
}
