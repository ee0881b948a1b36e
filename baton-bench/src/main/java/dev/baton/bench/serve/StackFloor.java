package dev.baton.bench.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The least a gateway built on Baton's libraries adds: a server that does nothing but what its stack must, for
 * {@link GatewayLoad} to measure beside {@code baton serve}. What Baton adds above it is Baton's own work (the request's
 * checks, the conductor, the chain of each call, the trace, the metrics); what it adds above {@link TcpRelay} is the
 * stack's.
 *
 * <ul>
 *   <li>{@code jetty}: Jetty's own handler API, without the servlet layer Javalin runs on, handing each request's body
 *       to the upstream with Apache HttpClient's classic client and its reply back;</li>
 *   <li>{@code javalin}: Javalin on virtual threads, as {@code baton serve} runs it, handing each request's body to the
 *       upstream with Apache HttpClient's classic client, as Baton's live workers call a provider, and its reply back;</li>
 *   <li>{@code langchain4j}: the same, asking LangChain4j's OpenAI model (over the same HTTP client) the request's body
 *       as one user message, and answering its reply's text in a minimal chat completion — the provider library's own
 *       work on each call: its request and reply JSON, its listeners, its chat response.</li>
 * </ul>
 *
 * <pre>java -cp "baton-bench/target/classes:baton-bench/target/lib/*" dev.baton.bench.serve.StackFloor jetty|javalin|langchain4j LISTEN_PORT UPSTREAM_PORT</pre>
 *
 * <p>Requests go to {@code /d/<ms>/v1/chat/completions}, the {@link StubUpstream}'s path for a reply after that many
 * milliseconds; {@code GET /} answers "ok" once it listens.
 */
public final class StackFloor {

    private static final List<String> STACKS = List.of("jetty", "javalin", "langchain4j");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CloseableHttpClient HTTP = HttpClients.custom().disableAutomaticRetries()
            .disableContentCompression().disableRedirectHandling().disableCookieManagement().build();

    private StackFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: StackFloor " + String.join("|", STACKS)
                    + " LISTEN_PORT UPSTREAM_PORT (on 127.0.0.1)");
        }
        start(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }

    /** Starts the floor of {@code stack} on loopback ({@code port} 0 for any free one); close it to stop it. */
    static Started start(String stack, int port, int upstreamPort) throws Exception {
        String upstream = "http://127.0.0.1:" + upstreamPort;
        return switch (stack) {
            case "jetty" -> jetty(port, upstream);
            case "javalin" -> javalin(port, ctx -> passThrough(ctx, upstream));
            case "langchain4j" -> {
                Map<String, ChatModel> models = new ConcurrentHashMap<>();
                yield javalin(port, ctx -> viaLangChain4j(ctx,
                        models.computeIfAbsent(ctx.pathParam("ms"), ms -> model(upstream + "/d/" + ms + "/v1"))));
            }
            default -> throw new IllegalArgumentException("no floor for " + stack + ": one of " + STACKS);
        };
    }

    /** A floor listening on {@code port}; closing it stops it. */
    record Started(int port, AutoCloseable server) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static Started javalin(int port, Handler chat) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            config.routes.get("/", ctx -> ctx.result("ok"));
            config.routes.post("/d/{ms}/v1/chat/completions", chat);
        }).start();
        return new Started(app.port(), app::stop);
    }

    /** Jetty's own handler API, without the servlet layer Javalin runs on; blocking handlers on virtual threads. */
    private static Started jetty(int port, String upstream) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
                if (path.startsWith("/d/")) {
                    reply = forward(upstream + path, BufferUtil.toArray(Content.Source.asByteBuffer(request)));
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                }
                response.write(true, ByteBuffer.wrap(reply), callback);
                return true;
            }
        });
        server.start();
        return new Started(connector.getLocalPort(), server::stop);
    }

    private static void passThrough(Context ctx, String upstream) throws IOException {
        ctx.contentType("application/json").result(forward(upstream + ctx.path(), ctx.bodyAsBytes()));
    }

    /** Posts {@code body} to {@code url}; returns the reply's body. */
    private static byte[] forward(String url, byte[] body) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return HTTP.execute(post, response -> EntityUtils.toByteArray(response.getEntity()));
    }

    private static void viaLangChain4j(Context ctx, ChatModel model) throws JsonProcessingException {
        String text = model.chat(UserMessage.from(ctx.body())).aiMessage().text();
        ctx.contentType("application/json")
                .result("{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + JSON.writeValueAsString(text) + "},\"finish_reason\":\"stop\"}]}");
    }

    private static ChatModel model(String baseUrl) {
        return OpenAiChatModel.builder().httpClientBuilder(new ApacheClient.Builder()).baseUrl(baseUrl).apiKey("sk-stub")
                .modelName("stub").build();
    }

    /** LangChain4j's HTTP client interface over Apache HttpClient's classic client: the least such an adapter does. */
    private record ApacheClient() implements HttpClient {

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            HttpUriRequestBase outgoing = new HttpUriRequestBase(request.method().name(), URI.create(request.url()));
            request.headers().forEach((name, values) -> values.forEach(value -> outgoing.addHeader(name, value)));
            outgoing.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8), null));
            try {
                return HTTP.execute(outgoing, response -> SuccessfulHttpResponse.builder().statusCode(response.getCode())
                        .headers(Map.of()).body(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            throw new UnsupportedOperationException("the floor does not stream");
        }

        /** Builds it; LangChain4j's model builder sets timeouts, which the floor leaves at the client's. */
        private static final class Builder implements HttpClientBuilder {

            private Duration connectTimeout;
            private Duration readTimeout;

            @Override
            public Duration connectTimeout() {
                return connectTimeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                connectTimeout = timeout;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return readTimeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                readTimeout = timeout;
                return this;
            }

            @Override
            public HttpClient build() {
                return new ApacheClient();
            }
        }
    }
}
