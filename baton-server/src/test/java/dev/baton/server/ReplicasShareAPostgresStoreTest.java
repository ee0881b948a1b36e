package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.execute.Interceptor;
import dev.baton.execute.RetryPolicy;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.store.PostgresTestDatabase;
import dev.baton.store.ResponseCacheInterceptor;
import dev.baton.store.StoreBackend;
import dev.baton.task.Task;
import dev.baton.wiring.ConductorResolver;
import dev.baton.wiring.LoadedPool;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the server, each with its own connection pool to one real PostgreSQL database, as behind a load
 * balancer: a trace written by one is served by the other, and a reply cached by one is reused by the other.
 */
class ReplicasShareAPostgresStoreTest {

    private static final String MODEL = "vote:top3";
    private static final Supplier<QuestionEncoder> NO_ENCODER = () -> {
        throw new IllegalStateException("these tests serve no learned conductor");
    };

    private PostgresTestDatabase database;
    private final List<Replica> replicas = new ArrayList<>();

    /** One {@code baton serve}: its store, its server, and how many calls reached its workers. */
    private record Replica(StoreBackend store, ConductorResolver resolver, BatonServer server, AtomicInteger workerCalls,
                           OpenAIClient client) implements AutoCloseable {

        static Replica start(PostgresTestDatabase database) {
            StoreBackend store = database.open();
            LoadedPool pool = ServerFixture.gsm8k();
            AtomicInteger workerCalls = new AtomicInteger();
            Interceptor countingWorkerCalls = chain -> {
                workerCalls.incrementAndGet();
                return chain.proceed(chain.request());
            };
            // The replay pool as a live pool's executor is built: the shared response cache in front of the workers.
            Executor executor = Executor.builder().retry(RetryPolicy.none())
                    .cache(new ResponseCacheInterceptor(store.responses())).perAttempt(countingWorkerCalls).build();
            ConductorResolver resolver = new ConductorResolver(pool, NO_ENCODER);
            BatonServer server = BatonServer.start(ServerSettings.loopback(0), ServedModels.of(pool, executor, resolver,
                    List.of(MODEL)), store.traces());
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("unused").maxRetries(0).build();
            return new Replica(store, resolver, server, workerCalls, client);
        }

        ChatCompletion ask(Task task) {
            return client.chat().completions().create(ChatCompletionCreateParams.builder().model(MODEL)
                    .addUserMessage(task.question()).build());
        }

        HttpResponse<String> get(String path) {
            try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + server.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            client.close();
            server.close();
            resolver.close();
            store.close();
        }
    }

    @BeforeEach
    void startTwoReplicas() {
        database = PostgresTestDatabase.create();
        replicas.add(Replica.start(database));
        replicas.add(Replica.start(database));
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(Replica::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aTraceWrittenByOneReplicaIsServedByTheOther() {
        Replica one = replicas.get(0);
        Replica two = replicas.get(1);
        ChatCompletion completion = one.ask(ServerFixture.recordedTask());

        HttpResponse<String> trace = committed(two, completion.id());

        assertThat(trace.statusCode()).as(trace.body()).isEqualTo(200);
        JsonNode json = ServerFixture.json(trace);
        assertThat(json.get("answer").asText()).isEqualTo(completion.choices().getFirst().message().content().orElseThrow());
        assertThat(json.get("calls").asInt()).isPositive().isEqualTo(one.workerCalls().get());
        assertThat(ServerFixture.json(two.get("/v1/traces?limit=5")).get("data")).extracting(node -> node.get("id").asText())
                .containsExactly(completion.id());
    }

    @Test
    void aReplyCachedByOneReplicaIsReusedByTheOther() {
        Replica one = replicas.get(0);
        Replica two = replicas.get(1);
        Task task = ServerFixture.recordedTask();
        ChatCompletion first = one.ask(task);
        int called = one.workerCalls().get();

        ChatCompletion second = two.ask(task);

        assertThat(called).isPositive();
        assertThat(two.workerCalls()).hasValue(0);
        assertThat(one.workerCalls()).hasValue(called);
        assertThat(second.choices().getFirst().message().content()).isEqualTo(first.choices().getFirst().message().content());
        assertThat(second.usage().orElseThrow()._additionalProperties().get("cost").convert(Double.class)).isZero();
        JsonNode trace = ServerFixture.json(committed(one, second.id()));
        assertThat(trace.get("steps")).isNotEmpty().allSatisfy(call -> {
            assertThat(call.get("cached").asBoolean()).isTrue();
            assertThat(call.get("attempts").asInt()).isZero();
        });
        assertThat(one.store().responses().count()).isEqualTo(called);
    }

    /** A load balancer may send the same new question to both at once: both answer, and each call is cached once. */
    @Test
    void replicasAnsweringTheSameQuestionAtOnceBothSucceed() {
        Task task = ServerFixture.gsm8k().replay().orElseThrow().benchmark().tasks().get(11);
        CompletableFuture<ChatCompletion> one = CompletableFuture.supplyAsync(() -> replicas.get(0).ask(task));
        CompletableFuture<ChatCompletion> two = CompletableFuture.supplyAsync(() -> replicas.get(1).ask(task));

        String answerOne = one.join().choices().getFirst().message().content().orElseThrow();
        String answerTwo = two.join().choices().getFirst().message().content().orElseThrow();

        assertThat(answerOne).isEqualTo(answerTwo);
        int distinctCalls = ServerFixture.json(replicas.get(0).get("/v1/traces/" + one.join().id())).get("steps").size();
        assertThat(replicas.get(1).store().responses().count()).isEqualTo(distinctCalls);
    }

    /** Asks {@code replica} for a trace another replica answered, until that one's writer has committed it (at most 10 s). */
    private static HttpResponse<String> committed(Replica replica, String id) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        HttpResponse<String> trace = replica.get("/v1/traces/" + id);
        while (trace.statusCode() == 404 && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            trace = replica.get("/v1/traces/" + id);
        }
        return trace;
    }
}
