package dev.baton.providers;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.json.SharedBufferJson;
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
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client every live worker's LangChain4j model sends through, over Apache HttpClient 5's classic (blocking)
 * client, one connection pool a worker.
 *
 * <p>Why not LangChain4j's own {@code JdkHttpClient}: its {@code HttpException} carries the status code and
 * body but drops the response headers, so a 429's {@code Retry-After} would be lost. This client throws a
 * {@link ProviderHttpException} that keeps it; LangChain4j's exception mapper finds it as the root cause and
 * wraps it, and {@link FailureMapper} finds it again in the cause chain. It also refuses a 2xx body that is
 * not one complete JSON object (empty, truncated, malformed), so such a reply fails the same way for every
 * provider, before any provider's parser sees it; and where a provider's model cannot read a reply without usage
 * (Gemini's), it adds the usage field, empty, so that the worker sees a reply whose usage went unreported.
 *
 * <p>Why not the JDK's {@code java.net.http} client underneath: every call through it crosses its selector thread
 * and a pool of platform threads, about four times the CPU of a blocking call on the caller's own (virtual) thread
 * (0.16–0.20 against 0.05 ms a request, measured side by side; {@code baton serve} as a gateway pays it on every
 * request), and under a thousand calls at once it reused connections the upstream had closed ("header parser
 * received no bytes"). A blocking client checks a connection idle for a while before reusing it, and neither retries
 * nor follows redirects by itself: retries are the worker chain's, which knows the budget.
 */
final class ProviderHttpClient implements HttpClient {

    private static final ObjectMapper JSON = new ObjectMapper(SharedBufferJson.factory()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** As many connections as calls a worker may run at once; a pool holds only those it has opened. */
    private static final int MAX_CONNECTIONS = 10_000;

    private final CloseableHttpClient http;
    private final Clock clock;
    private final Optional<String> usageField;
    private final JdkHttpClient streaming;
    /** The last URL called, parsed: a worker calls one URL, and parsing it was 1% of a gateway request's CPU. */
    private volatile ParsedUrl lastUrl = new ParsedUrl("", URI.create(""));

    ProviderHttpClient(ProviderHttpClientBuilder builder) {
        ConnectionConfig.Builder connections = ConnectionConfig.custom().setValidateAfterInactivity(TimeValue.ofSeconds(1));
        if (builder.connectTimeout() != null) {
            connections.setConnectTimeout(Timeout.of(builder.connectTimeout()));
        }
        if (builder.readTimeout() != null) {
            connections.setSocketTimeout(Timeout.of(builder.readTimeout()));
        }
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(connections.build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
        this.clock = builder.clock();
        this.usageField = builder.usageField();
        this.streaming = JdkHttpClient.builder().connectTimeout(builder.connectTimeout()).readTimeout(builder.readTimeout())
                .build();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new IllegalStateException("live workers send JSON only, not multipart form data");
        }
        HttpUriRequestBase outgoing = new HttpUriRequestBase(request.method().name(), uri(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> outgoing.addHeader(name, value));
            }
        });
        if (request.body() != null) {
            // No content type here: the model's own Content-Type header says it.
            outgoing.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8), null));
        }
        Received response;
        try {
            response = http.execute(outgoing, Received::read);
        } catch (SocketTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new UncheckedIOException(new InterruptedIOException("the call was interrupted"));
            }
            throw new UncheckedIOException(e);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() < 200 || response.status() >= 300) {
            throw new ProviderHttpException(response.status(), body, retryAfter(response));
        }
        boolean hasUsage = requireJsonObject(body, usageField.orElse(null));
        if (usageField.isPresent() && !hasUsage) {
            body = withEmptyField(body, usageField.get()); // read as unreported usage, not as a reply the model cannot parse
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.status())
                .headers(response.headers())
                .body(body)
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener); // workers do not stream; kept working for completeness
    }

    private URI uri(String url) {
        ParsedUrl last = lastUrl;
        if (!last.url().equals(url)) {
            last = new ParsedUrl(url, URI.create(url));
            lastUrl = last;
        }
        return last.uri();
    }

    /** A URL and what it parses to. */
    private record ParsedUrl(String url, URI uri) {
    }

    private Optional<Duration> retryAfter(Received response) {
        Optional<Duration> millis = response.firstHeader("retry-after-ms").flatMap(RetryAfter::parseMillis);
        return millis.isPresent() ? millis
                : response.firstHeader("Retry-After").flatMap(value -> RetryAfter.parse(value, clock.instant()));
    }

    /**
     * A response as read off its connection, which then goes back to the pool.
     *
     * @param headers every header by name, as sent
     */
    private record Received(int status, Map<String, List<String>> headers, byte[] body) {

        static Received read(ClassicHttpResponse response) throws IOException {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header header : response.getHeaders()) {
                headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
            }
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            return new Received(response.getCode(), headers, body);
        }

        Optional<String> firstHeader(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream()).findFirst();
        }
    }

    /**
     * Refuses a body that is not one complete JSON object; returns whether it has the top-level field {@code field}.
     * Read as a stream of tokens, not into a tree: the model's own parser builds what it needs from the body next, and a
     * second tree of every reply was 3% of a gateway request's CPU.
     */
    private static boolean requireJsonObject(String body, String field) {
        if (body.isBlank()) {
            throw new MalformedReplyException("the provider sent an empty body", null);
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedReplyException("the provider's reply is not a JSON object", null);
            }
            boolean found = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                found |= parser.currentName().equals(field);
                parser.nextToken();
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new MalformedReplyException("the provider's reply is not complete JSON (more after its end)", null);
            }
            return found;
        } catch (JacksonException e) {
            throw new MalformedReplyException("the provider's reply is not complete JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a string: does not happen
        }
    }

    private static String withEmptyField(String body, String field) {
        try {
            ObjectNode reply = (ObjectNode) JSON.readTree(body);
            reply.putObject(field);
            return reply.toString();
        } catch (JacksonException e) {
            throw new MalformedReplyException("the provider's reply is not complete JSON (" + e.getOriginalMessage() + ")", e);
        }
    }
}
