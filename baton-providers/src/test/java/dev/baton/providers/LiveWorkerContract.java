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
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.execute.Trace;
import dev.baton.pool.Pool;
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
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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

    /** Returns a successful reply body with the given text and no usage at all, in the provider's format. */
    abstract String replyBodyWithoutUsage(String text);

    /** Returns the limit on output tokens a request body carries, in the provider's field, if it carries one. */
    abstract OptionalInt sentOutputLimit(JsonNode requestBody);

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
    void jsonThatIsNotOneObjectIsAMalformedReply() {
        String body = replyBody("The answer is 42.", 10, 5);

        assertThat(failure(json(200, "[" + body + "]")).kind()).as("an array").isEqualTo(FailureKind.MALFORMED_REPLY);
        assertThat(failure(json(200, body + body)).kind()).as("two objects").isEqualTo(FailureKind.MALFORMED_REPLY);
        assertThat(failure(json(200, body + " 42")).kind()).as("more after the object").isEqualTo(FailureKind.MALFORMED_REPLY);
    }

    @Test
    void emptyBodyIsAMalformedReply() {
        WorkerException thrown = failure(json(200, ""));

        assertThat(thrown).isInstanceOf(WorkerException.Transient.class);
        assertThat(thrown.kind()).isEqualTo(FailureKind.MALFORMED_REPLY);
    }

    @Test
    void replyWithNeitherTextNorUsageIsAMalformedReply() {
        WorkerException thrown = failure(json(200, "{}"));

        assertThat(thrown.kind()).as(thrown.getMessage()).isEqualTo(FailureKind.MALFORMED_REPLY);
    }

    @Test
    void replyWithoutUsageIsAnsweredOnceWithItsCostEstimatedFromCharacters() {
        stub(json(200, replyBodyWithoutUsage("The answer is 42."))); // 17 characters: 5 tokens at 4 a token
        LiveWorker worker = worker("w", Duration.ofSeconds(5));

        Trace trace = Executor.builder().retry(RetryPolicy.standard()).build()
                .run(Workflow.of(Step.independent("w", "Solve it.")), task(), Pool.of(List.of(worker)), Budget.unlimited());

        assertThat(server.getAllServeEvents()).as("billed once, so asked once").hasSize(1);
        assertThat(trace.calls().getFirst().reply()).hasValueSatisfying(reply -> {
            assertThat(reply.text()).isEqualTo("The answer is 42.");
            assertThat(reply.usageEstimated()).isTrue();
            long promptChars = trace.calls().getFirst().messages().stream().mapToLong(m -> m.text().length()).sum();
            assertThat(reply.inputTokens()).isEqualTo((promptChars + 3) / 4);
            assertThat(reply.outputTokens()).isEqualTo(5);
            assertThat(reply.costUsd()).isPositive().isEqualTo(PRICE.cost(reply.inputTokens(), 5));
        });
        assertThat(trace.costUsd()).isPositive();
    }

    @Test
    void replyWithUsageIsNotMarkedEstimated() throws WorkerException {
        stub(json(200, replyBody("The answer is 42.", 12, 5)));

        assertThat(worker("w", Duration.ofSeconds(5)).call(ask("What is 6 * 7?", CallOptions.defaults())).usageEstimated())
                .isFalse();
    }

    @Test
    void brokenConnectionIsANetworkFailure() {
        WorkerException thrown = failure(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(thrown).isInstanceOf(WorkerException.Transient.class);
        assertThat(thrown.kind()).isEqualTo(FailureKind.NETWORK);
    }

    // --- the limit on output tokens: sent with every call, and the very limit the budget reserves for ---

    @Test
    void callThatSetsNoLimitSendsTheLimitTheBudgetReservesFor() throws Exception {
        stub(json(200, replyBody("42", 3, 1)));
        LiveWorker worker = worker("w", Duration.ofSeconds(5));
        CallRequest request = ask("What is 6 * 7?", CallOptions.defaults());

        worker.call(request);

        assertThat(sentOutputLimit(onlyRequestBody())).hasValue(4_096);
        assertThat(worker.card().maxOutputTokens(request.options())).isEqualTo(4_096);
        assertThat(request.worstCaseCostUsd(worker.card())).isEqualTo(PRICE.cost(4, 4_096)); // "What is 6 * 7?": 4 tokens
    }

    @Test
    void poolFileDefaultLimitIsSentAndReservedFor() throws Exception {
        stub(json(200, replyBody("42", 3, 1)));
        LiveWorker worker = LiveWorker.create(spec("w").withDefaults(CallOptions.defaults().withMaxOutputTokens(300)),
                Optional.of(KEY));
        CallRequest request = ask("What is 6 * 7?", CallOptions.defaults());

        worker.call(request);

        assertThat(sentOutputLimit(onlyRequestBody())).hasValue(300);
        assertThat(request.worstCaseCostUsd(worker.card())).isEqualTo(PRICE.cost(4, 300));
    }

    @Test
    void callsOwnLimitWinsOverThePoolFileDefault() throws Exception {
        stub(json(200, replyBody("42", 3, 1)));
        LiveWorker worker = LiveWorker.create(spec("w").withDefaults(CallOptions.defaults().withMaxOutputTokens(300)),
                Optional.of(KEY));
        CallRequest request = ask("What is 6 * 7?", CallOptions.defaults().withMaxOutputTokens(64));

        worker.call(request);

        assertThat(sentOutputLimit(onlyRequestBody())).hasValue(64);
        assertThat(request.worstCaseCostUsd(worker.card())).isEqualTo(PRICE.cost(4, 64));
    }

    /** How many tokens the long-winded provider writes when nothing stops it. */
    static final int LONG_REPLY_TOKENS = 100_000;

    /**
     * Stubs a provider that writes {@link #LONG_REPLY_TOKENS} words (a token each) unless the request limits its
     * output and {@code honoursLimit}, as real providers do: then it writes exactly up to the limit.
     */
    void stubLongReplies(boolean honoursLimit) {
        LoopbackServer.COMPUTED.answerWith(request -> {
            OptionalInt limit = sentOutputLimit(request);
            int tokens = honoursLimit && limit.isPresent() ? Math.min(limit.getAsInt(), LONG_REPLY_TOKENS) : LONG_REPLY_TOKENS;
            return replyBody("word ".repeat(tokens).strip(), 40, tokens);
        });
        stub(json(200, "{}").withTransformers(ComputedReplies.NAME));
    }

    Trace runFiveSteps(LiveWorkerSpec spec, Budget budget) {
        Worker worker = LiveWorker.create(spec, Optional.of(KEY));
        Workflow five = Workflow.of(Step.independent(spec.id(), "Solve it."), Step.independent(spec.id(), "Solve it again."),
                Step.independent(spec.id(), "Check it."), Step.independent(spec.id(), "Check it again."),
                Step.independent(spec.id(), "Say it."));
        return Executor.builder().retry(RetryPolicy.none()).build().run(five, task(), Pool.of(List.of(worker)), budget);
    }

    @Test
    void costCapHoldsAgainstAProviderThatWritesUntilItsLimitWhenThePoolFileSetsNone() {
        stubLongReplies(true);
        Price price = new Price(1, 2); // 4,096 tokens out cost $0.008192: two calls fit in $0.02, a long reply does not

        Trace trace = runFiveSteps(spec("w").withPrice(price), Budget.unlimited().withMaxCostUsd(0.02));

        assertThat(trace.calls()).anySatisfy(call -> assertThat(call.reply()).isPresent());
        assertThat(trace.costUsd()).isLessThanOrEqualTo(0.02);
    }

    @Test
    void costCapCountsThePoolFileDefaultLimit() {
        stubLongReplies(true);
        // 500 tokens out cost $0.005 and fit in $0.02; the 4,096 a limitless call may write cost $0.04 and do not
        LiveWorkerSpec spec = spec("w").withDefaults(CallOptions.defaults().withMaxOutputTokens(500));

        Trace trace = runFiveSteps(spec, Budget.unlimited().withMaxCostUsd(0.02));

        assertThat(trace.calls()).anySatisfy(call -> assertThat(call.reply()).hasValueSatisfying(reply ->
                assertThat(reply.outputTokens()).isEqualTo(500)));
        assertThat(trace.costUsd()).isLessThanOrEqualTo(0.02);
    }

    @Test
    void replyLongerThanTheLimitSentIsChargedForWhatWasBilled() throws WorkerException {
        stubLongReplies(false);
        Worker worker = worker("w", Duration.ofSeconds(10));

        Reply reply = worker.call(ask("What is 6 * 7?", CallOptions.defaults()));

        assertThat(reply.outputTokens()).isEqualTo(LONG_REPLY_TOKENS);
        assertThat(reply.usageEstimated()).isFalse();
        assertThat(reply.costUsd()).isEqualTo(PRICE.cost(40, LONG_REPLY_TOKENS));
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
