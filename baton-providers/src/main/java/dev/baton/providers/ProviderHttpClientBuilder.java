package dev.baton.providers;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Builds a {@link ProviderHttpClient}; LangChain4j's model builders set the timeouts. */
final class ProviderHttpClientBuilder implements HttpClientBuilder {

    private final Clock clock;
    private final Optional<String> usageField;
    private Duration connectTimeout;
    private Duration readTimeout;

    /**
     * @param usageField the field of a reply that holds its usage, where the provider's model cannot read a reply
     *                   without it: the client adds it, empty, so the reply reads as one whose usage is unreported
     */
    ProviderHttpClientBuilder(Clock clock, Optional<String> usageField) {
        this.clock = clock;
        this.usageField = Objects.requireNonNull(usageField, "usageField");
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public ProviderHttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public ProviderHttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    Clock clock() {
        return clock;
    }

    Optional<String> usageField() {
        return usageField;
    }

    @Override
    public HttpClient build() {
        return new ProviderHttpClient(this);
    }
}
