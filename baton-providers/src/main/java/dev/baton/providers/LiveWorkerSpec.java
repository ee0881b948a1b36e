package dev.baton.providers;

import dev.baton.worker.CallOptions;
import dev.baton.worker.Price;
import dev.baton.worker.RateLimits;
import dev.baton.worker.WorkerCard;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to call one live model, as a pool file declares it. It names the environment variable
 * holding the API key, never the key itself, so a spec can be printed, logged and compared freely.
 *
 * <pre>{@code
 * LiveWorkerSpec gpt = LiveWorkerSpec.of("gpt", Provider.OPENAI, "gpt-4o-mini")
 *         .withApiKeyEnv("OPENAI_API_KEY")
 *         .withPrice(new Price(0.15, 0.60))
 *         .withDefaults(CallOptions.defaults().withMaxOutputTokens(1024).withTemperature(0));
 * }</pre>
 *
 * @param id          the worker's id in its pool
 * @param provider    the wire protocol
 * @param model       the provider's model name, for example {@code gpt-4o-mini}
 * @param baseUrl     the API root, for example {@code https://api.openai.com/v1}
 * @param apiKeyEnv   the environment variable holding the API key; empty for an endpoint that needs none
 * @param price       list price per million tokens, for the cost of each call
 * @param defaults    generation settings of every call; a call's own {@link CallOptions} override them
 * @param timeout     how long one HTTP call may take, connecting included
 * @param concurrency how many calls may be in flight at once (enforced by the worker chain, not here)
 * @param description one line for people
 * @param outputLimitField the request field that carries the limit on output tokens, for {@link Provider#OPENAI};
 *                    {@link OutputLimitField#MAX_TOKENS} for the other providers, whose field is fixed
 * @param rateLimits  requests and tokens per minute this worker's calls may use (enforced by the worker chain, not here)
 */
public record LiveWorkerSpec(String id, Provider provider, String model, URI baseUrl, Optional<String> apiKeyEnv,
                             Price price, CallOptions defaults, Duration timeout, int concurrency, String description,
                             OutputLimitField outputLimitField, RateLimits rateLimits)
        implements WorkerSpec {

    /** The timeout of a spec that sets none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The concurrency of a spec that sets none: as many calls at once as {@code baton serve} takes requests, so that
     * the bound is not the gateway's. A provider's account limits requests and tokens per minute, not calls at once
     * (the pool file's {@code rpm} and {@code tpm} say so, and a 429's {@code Retry-After} is waited out); with a model
     * answering in 2 s, 16 at a time held a gateway to 8 requests a second. A local server that takes few at once
     * (Ollama, llama.cpp) sets its own {@code concurrency}.
     */
    public static final int DEFAULT_CONCURRENCY = 1_024;

    public LiveWorkerSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(outputLimitField, "outputLimitField");
        Objects.requireNonNull(rateLimits, "rateLimits");
        if (id.isBlank() || model.isBlank()) {
            throw new IllegalArgumentException("id and model must not be blank");
        }
        if (!baseUrl.isAbsolute() || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        if (defaults.reasoningEffort().isPresent() && !provider.hasReasoningEffort()) {
            throw new IllegalArgumentException(provider.id() + " takes no reasoning effort");
        }
        if (outputLimitField != OutputLimitField.MAX_TOKENS && provider != Provider.OPENAI) {
            throw new IllegalArgumentException(provider.id() + " has one field for the output limit; "
                    + outputLimitField.field() + " is openai's");
        }
    }

    /** Creates a spec without rate limits. */
    public LiveWorkerSpec(String id, Provider provider, String model, URI baseUrl, Optional<String> apiKeyEnv,
                          Price price, CallOptions defaults, Duration timeout, int concurrency, String description,
                          OutputLimitField outputLimitField) {
        this(id, provider, model, baseUrl, apiKeyEnv, price, defaults, timeout, concurrency, description, outputLimitField,
                RateLimits.NONE);
    }

    /**
     * Creates a spec without rate limits whose output limit goes in the field its model reads
     * ({@link OutputLimitField#forModel}).
     */
    public LiveWorkerSpec(String id, Provider provider, String model, URI baseUrl, Optional<String> apiKeyEnv,
                          Price price, CallOptions defaults, Duration timeout, int concurrency, String description) {
        this(id, provider, model, baseUrl, apiKeyEnv, price, defaults, timeout, concurrency, description,
                OutputLimitField.forModel(provider, model));
    }

    /** Returns a spec at the provider's public endpoint, free, without a key, with default settings. */
    public static LiveWorkerSpec of(String id, Provider provider, String model) {
        return new LiveWorkerSpec(id, provider, model, provider.defaultBaseUrl(), Optional.empty(), Price.FREE,
                CallOptions.defaults(), DEFAULT_TIMEOUT, DEFAULT_CONCURRENCY, provider.id() + " " + model);
    }

    public LiveWorkerSpec withBaseUrl(URI url) {
        return new LiveWorkerSpec(id, provider, model, url, apiKeyEnv, price, defaults, timeout, concurrency,
                description, outputLimitField, rateLimits);
    }

    public LiveWorkerSpec withApiKeyEnv(String variable) {
        return new LiveWorkerSpec(id, provider, model, baseUrl, Optional.of(variable), price, defaults, timeout, concurrency,
                description, outputLimitField, rateLimits);
    }

    public LiveWorkerSpec withPrice(Price newPrice) {
        return new LiveWorkerSpec(id, provider, model, baseUrl, apiKeyEnv, newPrice, defaults, timeout, concurrency,
                description, outputLimitField, rateLimits);
    }

    public LiveWorkerSpec withDefaults(CallOptions options) {
        return new LiveWorkerSpec(id, provider, model, baseUrl, apiKeyEnv, price, options, timeout, concurrency,
                description, outputLimitField, rateLimits);
    }

    public LiveWorkerSpec withTimeout(Duration newTimeout) {
        return new LiveWorkerSpec(id, provider, model, baseUrl, apiKeyEnv, price, defaults, newTimeout, concurrency,
                description, outputLimitField, rateLimits);
    }

    public LiveWorkerSpec withConcurrency(int limit) {
        return new LiveWorkerSpec(id, provider, model, baseUrl, apiKeyEnv, price, defaults, timeout, limit,
                description, outputLimitField, rateLimits);
    }

    public LiveWorkerSpec withOutputLimitField(OutputLimitField field) {
        return new LiveWorkerSpec(id, provider, model, baseUrl, apiKeyEnv, price, defaults, timeout, concurrency, description,
                field, rateLimits);
    }

    public LiveWorkerSpec withRateLimits(RateLimits limits) {
        return new LiveWorkerSpec(id, provider, model, baseUrl, apiKeyEnv, price, defaults, timeout, concurrency,
                description, outputLimitField, limits);
    }

    public LiveWorkerSpec withDescription(String text) {
        return new LiveWorkerSpec(id, provider, model, baseUrl, apiKeyEnv, price, defaults, timeout, concurrency,
                text, outputLimitField, rateLimits);
    }

    /** Returns what answers, as a response cache keys on it: {@code <provider>|<baseUrl>|<model>}. */
    public String modelKey() {
        return provider.id() + "|" + baseUrl + "|" + model;
    }

    /**
     * Returns the card of a worker built from this spec. Its limit on output tokens, for a call that sets none, is
     * the spec's default, else {@link WorkerCard#DEFAULT_MAX_OUTPUT_TOKENS}: the worker sends it, budgets reserve it.
     */
    public WorkerCard card() {
        return new WorkerCard(id, description, price, 0, modelKey(),
                defaults.maxOutputTokens().orElse(WorkerCard.DEFAULT_MAX_OUTPUT_TOKENS));
    }
}
