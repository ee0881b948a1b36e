package dev.baton.providers;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Clock;
import java.time.Duration;

/** Builds a {@link ProviderHttpClient}; LangChain4j's model builders set the timeouts. */
final class ProviderHttpClientBuilder implements HttpClientBuilder {

    private final Clock clock;
    private Duration connectTimeout;
    private Duration readTimeout;

    ProviderHttpClientBuilder(Clock clock) {
        this.clock = clock;
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

    @Override
    public HttpClient build() {
        return new ProviderHttpClient(this);
    }
}
