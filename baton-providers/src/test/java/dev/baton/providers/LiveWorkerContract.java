package dev.baton.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.FailureKind;
import dev.baton.worker.Price;
import dev.baton.worker.Reply;
import dev.baton.worker.TaskRef;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerContract;
import dev.baton.worker.WorkerException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link LiveWorker} promises for every provider, against a loopback server speaking that provider's
 * wire format: the {@link WorkerContract}, plus exact usage and cost, and each HTTP failure as its typed
 * {@link WorkerException}. A provider's test says where its endpoint is and what its replies look like, and
 * checks the request it must send.
 */
abstract class LiveWorkerContract extends WorkerContract {

    /** The key every test worker holds; it must never leak into a message, a card or a toString. */
    static final String KEY = "sk-test-5ecret-key-7f3a";
    static final Price PRICE = new Price(2.5, 10);
    static final ObjectMapper JSON = new ObjectMapper();

    static WireMockServer server;

    @BeforeAll
    static void startServer() {
        server = LoopbackServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
    }

    /** Returns the provider under test. */
    abstract Provider provider();

    /** Returns the model name the workers ask for. */
    abstract String model();

    /** Returns the API root on the loopback server, for example {@code /v1}. */
    abstract String basePath();

    /** Returns the path a chat call posts to. */
    abstract String chatPath();

    /** Returns a successful reply body with the given text and usage, in the provider's format. */
    abstract String replyBody(String text, int inputTokens, int outputTokens);

    LiveWorkerSpec spec(String id) {
        return LiveWorkerSpec.of(id, provider(), model())
                .withBaseUrl(LoopbackServer.baseUrl(server, basePath()))
                .withApiKeyEnv("TEST_KEY")
                .withPrice(PRICE);
    }

    LiveWorker worker(String id, Duration timeout) {
        return LiveWorker.create(spec(id).withTimeout(timeout), Optional.of(KEY));
    }

    void stub(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(chatPath())).willReturn(response));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static CallRequest ask(String question, CallOptions options) {
        return new CallRequest(new TaskRef("t1", AnswerType.NUMBER), List.of(ChatMessage.user(question)), options);
    }

    static JsonNode onlyRequestBody() throws IOException {
        List<LoggedRequest> requests = server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertThat(requests).hasSize(1);
        return JSON.readTree(requests.getFirst().getBodyAsString());
    }

    static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    WorkerException failure(ResponseDefinitionBuilder response) {
        return failure(response, Duration.ofSeconds(5));
    }

    WorkerException failure(ResponseDefinitionBuilder response, Duration timeout) {
        stub(response);
        WorkerException thrown = catchThrowableOfType(WorkerException.class,
                () -> worker("w", timeout).call(ask("What is 6 * 7?", CallOptions.defaults())));
        assertThat(thrown).as("the call should fail").isNotNull();
        assertThat(thrown.workerId()).isEqualTo("w");
        assertKeyAbsent(thrown);
        return thrown;
    }

    static void assertKeyAbsent(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
            assertThat(t.toString()).doesNotContain(KEY);
        }
    }

    // --- the WorkerContract's workers, all answering from the loopback server ---

    @Override
    protected Optional<Worker> worker(Behaviour behaviour) {
        switch (behaviour) {
            case ANSWERS -> stub(json(200, replyBody("The answer is 42.", 25, 6)));
            case FAILS_TRANSIENTLY -> stub(json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
            case FAILS_PERMANENTLY -> stub(json(401, "{\"error\":{\"message\":\"invalid x-api-key\"}}"));
            case SLOW -> stub(json(200, replyBody("late", 1, 1)).withFixedDelay((int) SLOW_CALL.toMillis() + 1000));
        }
        return Optional.of(worker("w-" + behaviour.name().toLowerCase(java.util.Locale.ROOT), SLOW_CALL.multipliedBy(2)));
    }

    @Override
    protected Task task() {
        return Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);
    }

    // --- what every provider's worker does ---

    @Test
    void replyCarriesTheProvidersTokenCountsAndTheirPrice() throws WorkerException {
        stub(json(200, replyBody("The answer is 42.", 1234, 567)));

        Reply reply = worker("w", Duration.ofSeconds(5)).call(ask("What is 6 * 7?", CallOptions.defaults()));

        assertThat(reply.text()).isEqualTo("The answer is 42.");
        assertThat(reply.inputTokens()).isEqualTo(1234);
        assertThat(reply.outputTokens()).isEqualTo(567);
        assertThat(reply.costUsd()).isEqualTo((1234 * 2.5 + 567 * 10) / 1_000_000.0);
        assertThat(reply.latency()).isPositive();
    }

    @Test
    void rateLimitIsTransientAndCarriesRetryAfterSeconds() {
        WorkerException thrown = failure(json(429, "{\"error\":{\"message\":\"slow down\"}}").withHeader("Retry-After", "7"));

        assertThat(thrown).isInstanceOf(WorkerException.Transient.class);
        assertThat(thrown.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(thrown.getMessage()).contains("429").contains("slow down");
    }

    @Test
    void rateLimitWithoutRetryAfterHasNoWait() {
        WorkerException thrown = failure(json(429, "{}"));

        assertThat(thrown.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(thrown.retryAfter()).isEmpty();
    }

    @Test
    void serverErrorIsTransient() {
        WorkerException thrown = failure(json(500, "{\"error\":{\"message\":\"boom\"}}"));

        assertThat(thrown).isInstanceOf(WorkerException.Transient.class);
        assertThat(thrown.kind()).isEqualTo(FailureKind.SERVER_ERROR);
    }

    @Test
    void overloadedIsAServerError() {
        WorkerException thrown = failure(json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));

        assertThat(thrown.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(thrown.retriable()).isTrue();
    }

    @Test
    void unauthorizedIsAPermanentAuthenticationFailure() {
        WorkerException thrown = failure(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));

        assertThat(thrown).isInstanceOf(WorkerException.Permanent.class);
        assertThat(thrown.kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(thrown.getMessage()).contains("Incorrect API key provided: ***");
    }

    @Test
    void forbiddenIsAnAuthenticationFailure() {
        assertThat(failure(json(403, "{}")).kind()).isEqualTo(FailureKind.AUTHENTICATION);
    }

    @Test
    void badRequestIsAPermanentInvalidRequest() {
        WorkerException thrown = failure(json(400, "{\"error\":{\"message\":\"max_tokens too large\"}}"));

        assertThat(thrown).isInstanceOf(WorkerException.Permanent.class);
        assertThat(thrown.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(failure(json(422, "{}")).kind()).isEqualTo(FailureKind.INVALID_REQUEST);
    }

    @Test
    void unknownModelIsNotFound() {
        assertThat(failure(json(404, "{\"error\":{\"message\":\"model not found\"}}")).kind()).isEqualTo(FailureKind.NOT_FOUND);
    }

    @Test
    void replySlowerThanTheTimeoutIsATimeout() {
        WorkerException thrown = failure(json(200, replyBody("late", 1, 1)).withFixedDelay(3_000), Duration.ofMillis(300));

        assertThat(thrown).isInstanceOf(WorkerException.Transient.class);
        assertThat(thrown.kind()).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void truncatedJsonIsAMalformedReply() {
        String body = replyBody("The answer is 42.", 10, 5);

        assertThat(failure(json(200, body.substring(0, body.length() / 2))).kind()).isEqualTo(FailureKind.MALFORMED_REPLY);
    }

    @Test
    void malformedJsonIsAMalformedReply() {
        assertThat(failure(json(200, "{\"choices\": [}, oops")).kind()).isEqualTo(FailureKind.MALFORMED_REPLY);
    }

    @Test
    void emptyBodyIsAMalformedReply() {
        WorkerException thrown = failure(json(200, ""));

        assertThat(thrown).isInstanceOf(WorkerException.Transient.class);
        assertThat(thrown.kind()).isEqualTo(FailureKind.MALFORMED_REPLY);
    }

    @Test
    void replyWithoutUsageIsAMalformedReply() {
        WorkerException thrown = failure(json(200, "{}"));

        assertThat(thrown.kind()).as(thrown.getMessage()).isEqualTo(FailureKind.MALFORMED_REPLY);
    }

    @Test
    void brokenConnectionIsANetworkFailure() {
        WorkerException thrown = failure(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(thrown).isInstanceOf(WorkerException.Transient.class);
        assertThat(thrown.kind()).isEqualTo(FailureKind.NETWORK);
    }

    @Test
    void keyNeverAppearsInCardSpecOrToString() {
        LiveWorker worker = worker("w", Duration.ofSeconds(5));

        assertThat(worker.card().toString()).doesNotContain(KEY);
        assertThat(worker.toString()).doesNotContain(KEY);
        assertThat(worker.spec().toString()).doesNotContain(KEY).contains("TEST_KEY");
        assertThat(worker.card().model()).isEqualTo(provider().id() + "|" + LoopbackServer.baseUrl(server, basePath()) + "|" + model());
    }
}
