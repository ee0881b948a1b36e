package dev.baton.providers;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP client every live worker's LangChain4j model sends through, over the JDK's client.
 *
 * <p>Why not LangChain4j's own {@code JdkHttpClient}: its {@code HttpException} carries the status code and
 * body but drops the response headers, so a 429's {@code Retry-After} would be lost. This client throws a
 * {@link ProviderHttpException} that keeps it; LangChain4j's exception mapper finds it as the root cause and
 * wraps it, and {@link FailureMapper} finds it again in the cause chain. It also refuses a 2xx body that is
 * not one complete JSON object (empty, truncated, malformed), so such a reply fails the same way for every
 * provider, before any provider's parser sees it; and where a provider's model cannot read a reply without usage
 * (Gemini's), it adds the usage field, empty, so that the worker sees a reply whose usage went unreported.
 */
final class ProviderHttpClient implements HttpClient {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final Clock clock;
    private final Optional<String> usageField;
    private final JdkHttpClient streaming;

    ProviderHttpClient(ProviderHttpClientBuilder builder) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        if (builder.connectTimeout() != null) {
            jdk.connectTimeout(builder.connectTimeout());
        }
        this.http = jdk.build();
        this.readTimeout = builder.readTimeout();
        this.clock = builder.clock();
        this.usageField = builder.usageField();
        this.streaming = JdkHttpClient.builder().connectTimeout(builder.connectTimeout()).readTimeout(readTimeout).build();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new IllegalStateException("live workers send JSON only, not multipart form data");
        }
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> jdk.header(name, value));
            }
        });
        jdk.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            jdk.timeout(readTimeout);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(jdk.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("the call was interrupted"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new ProviderHttpException(response.statusCode(), body, retryAfter(response));
        }
        ObjectNode reply = requireJsonObject(body);
        if (usageField.isPresent() && !reply.has(usageField.get())) {
            reply.putObject(usageField.get()); // read as unreported usage, not as a reply the model cannot parse
            body = reply.toString();
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(body)
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener); // workers do not stream; kept working for completeness
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<Duration> millis = response.headers().firstValue("retry-after-ms").flatMap(RetryAfter::parseMillis);
        return millis.isPresent() ? millis
                : response.headers().firstValue("Retry-After").flatMap(value -> RetryAfter.parse(value, clock.instant()));
    }

    private static ObjectNode requireJsonObject(String body) {
        if (body.isBlank()) {
            throw new MalformedReplyException("the provider sent an empty body", null);
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new MalformedReplyException("the provider's reply is not a JSON object", null);
            }
            return (ObjectNode) node;
        } catch (JacksonException e) {
            throw new MalformedReplyException("the provider's reply is not complete JSON (" + e.getOriginalMessage() + ")", e);
        }
    }
}
