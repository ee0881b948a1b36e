package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.offline.ReplayWorker;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.wiring.LoadedPool;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/rewards} on the replay pool of GSM8K: a workflow that parses and answers right earns 1, one that
 * answers wrong 0.5, one that does not parse 0 (the paper's rule), or correctness minus λ × cost; bad requests are
 * 400 in OpenAI's error JSON; the gold answer reaches no worker.
 */
class RewardsEndpointTest {

    private static ServerFixture fixture;
    private static Task task;
    private static int right;
    private static int wrong;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture(ServerSettings.loopback(0), List.of("best-solo"));
        task = ServerFixture.recordedTask();
        Pool pool = ServerFixture.gsm8k().pool();
        PoolView view = pool.view();
        List<Integer> correct = IntStream.range(0, view.size())
                .filter(i -> ((ReplayWorker) pool.get(view.workerId(i))).recordedCorrect(task)).boxed().toList();
        List<Integer> incorrect = IntStream.range(0, view.size())
                .filter(i -> ((ReplayWorker) pool.get(view.workerId(i))).hasRecording(task) && !correct.contains(i)).boxed().toList();
        assertThat(correct).as("the fixture task has a worker right on it").isNotEmpty();
        assertThat(incorrect).as("and one wrong on it").isNotEmpty();
        right = correct.getFirst();
        wrong = incorrect.getFirst();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String solo(int model) {
        return "I will ask one model.\nmodel_id = [" + model + "]\nsubtasks = [\"Solve the problem.\"]\naccess_list = [[]]";
    }

    private static ObjectNode byId(String completion) {
        return ServerFixture.JSON.createObjectNode().put("task_id", task.id()).put("completion", completion);
    }

    private static HttpResponse<String> post(JsonNode body, String... headers) {
        return fixture.post("/v1/rewards", body.toString(), headers);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServerFixture.json(response);
    }

    @Test
    void aRightAnswerEarnsOneAndItsTraceIsStored() {
        HttpResponse<String> response = post(byId(solo(right)));
        JsonNode reward = ok(response);

        assertThat(reward.get("object").asText()).isEqualTo("baton.reward");
        assertThat(reward.get("reward").asDouble()).isEqualTo(1.0);
        assertThat(reward.get("mode").asText()).isEqualTo("paper");
        assertThat(reward.get("parsed").asBoolean()).isTrue();
        assertThat(reward.get("correct").asBoolean()).isTrue();
        assertThat(reward.get("calls").asInt()).isEqualTo(1);
        assertThat(reward.get("cost_usd").asDouble()).isPositive();
        assertThat(reward.get("workflow").asText()).startsWith("model_id = [" + right + "]");
        assertThat(reward.get("error").isNull()).isTrue();
        String id = reward.get("trace_id").asText();
        assertThat(response.headers().firstValue("x-baton-trace-id")).contains(id);

        JsonNode trace = ServerFixture.json(fixture.get("/v1/traces/" + id));
        assertThat(trace.get("calls").asInt()).isEqualTo(1);
        assertThat(trace.get("steps").get(0).get("worker").asText()).isEqualTo(ServerFixture.gsm8k().pool().view().workerId(right));
        assertThat(trace.get("answer").asText()).isEqualTo(reward.get("final_response").asText());
    }

    @Test
    void aWrongAnswerEarnsAHalf() {
        JsonNode reward = ok(post(byId(solo(wrong))));

        assertThat(reward.get("reward").asDouble()).isEqualTo(0.5);
        assertThat(reward.get("parsed").asBoolean()).isTrue();
        assertThat(reward.get("correct").asBoolean()).isFalse();
        assertThat(reward.get("calls").asInt()).isEqualTo(1);
    }

    @Test
    void anUnparseableReplyEarnsZeroRunsNothingAndSaysWhere() {
        JsonNode reward = ok(post(byId("model_id = [1, 2]\nsubtasks = [\"Solve it.\"]\naccess_list = [[], []]")));

        assertThat(reward.get("reward").asDouble()).isZero();
        assertThat(reward.get("parsed").asBoolean()).isFalse();
        assertThat(reward.get("correct").asBoolean()).isFalse();
        assertThat(reward.get("calls").asInt()).isZero();
        assertThat(reward.get("workflow").isNull()).isTrue();
        assertThat(reward.get("error").asText()).isNotBlank();
        assertThat(fixture.get("/v1/traces/" + reward.get("trace_id").asText()).statusCode()).isEqualTo(200);

        JsonNode accept = ok(post(byId("model_id = []\nsubtasks = []\naccess_list = []")));
        assertThat(accept.get("parsed").asBoolean()).as("accepting before anything ran is no plan").isFalse();
        assertThat(accept.get("reward").asDouble()).isZero();
        JsonNode outOfRange = ok(post(byId(solo(ServerFixture.gsm8k().pool().size()))));
        assertThat(outOfRange.get("parsed").asBoolean()).isFalse();
    }

    @Test
    void slipsAreRepairedAndReported() {
        JsonNode reward = ok(post(byId("model_id = [" + right + "]\nsubtasks = [“Solve the problem.”]\naccess_list = [[]]")));

        assertThat(reward.get("parsed").asBoolean()).isTrue();
        assertThat(reward.get("repairs")).isNotEmpty();
        assertThat(reward.get("reward").asDouble()).isEqualTo(1.0);
    }

    @Test
    void costModeChargesLambdaPerUsdAndAnUnreadableReplyGetsTheFloor() {
        ObjectNode body = byId(solo(right)).put("mode", "cost").put("lambda", 100);
        JsonNode reward = ok(post(body));

        double cost = reward.get("cost_usd").asDouble();
        assertThat(cost).isPositive();
        assertThat(reward.get("lambda").asDouble()).isEqualTo(100);
        assertThat(reward.get("reward").asDouble()).isCloseTo(1 - 100 * cost, within(1e-12)).isLessThan(1);

        JsonNode wrongOne = ok(post(byId(solo(wrong)).put("mode", "cost").put("lambda", 1e6)));
        assertThat(wrongOne.get("reward").asDouble()).as("the charge is capped at 1").isEqualTo(-1.0);
        JsonNode unreadable = ok(post(byId("no lists here").put("mode", "cost").put("lambda", 0)));
        assertThat(unreadable.get("reward").asDouble()).isEqualTo(-1.0);
    }

    @Test
    void aTaskMayBeSpelledOutWithItsGold() {
        ObjectNode body = ServerFixture.JSON.createObjectNode().put("question", task.question()).put("gold", task.gold())
                .put("answer_type", "number").put("completion", solo(right));
        assertThat(ok(post(body)).get("reward").asDouble()).isEqualTo(1.0);

        body.put("gold", "# 123456789");
        JsonNode judgedByTheGivenGold = ok(post(body));
        assertThat(judgedByTheGivenGold.get("correct").asBoolean()).isFalse();
        assertThat(judgedByTheGivenGold.get("reward").asDouble()).isEqualTo(0.5);
    }

    @Test
    void badRequestsAre400sNamingTheField() {
        assertBad(byId(solo(right)).put("task_id", "no-such-task"), "task_id");
        assertBad(ServerFixture.JSON.createObjectNode().put("task_id", task.id()), "completion");
        assertBad(ServerFixture.JSON.createObjectNode().put("completion", solo(right)), "task_id");
        assertBad(ServerFixture.JSON.createObjectNode().put("question", task.question()).put("answer_type", "number")
                .put("completion", solo(right)), "gold");
        assertBad(ServerFixture.JSON.createObjectNode().put("question", task.question()).put("gold", "1")
                .put("completion", solo(right)), "answer_type");
        assertBad(ServerFixture.JSON.createObjectNode().put("question", task.question()).put("gold", "1")
                .put("answer_type", "poem").put("completion", solo(right)), "answer_type");
        assertBad(ServerFixture.JSON.createObjectNode().put("question", "Not a recorded question?").put("gold", "1")
                .put("answer_type", "number").put("completion", solo(right)), "question");
        assertBad(byId(solo(right)).put("mode", "cost"), "lambda");
        assertBad(byId(solo(right)).put("mode", "cost").put("lambda", -1), "lambda");
        assertBad(byId(solo(right)).put("mode", "cost").put("lambda", "ten"), "lambda");
        assertBad(byId(solo(right)).put("lambda", 3), "lambda");
        assertBad(byId(solo(right)).put("mode", "fancy"), "mode");
        assertBad(byId(solo(right)).put("completion", 7), "completion");
        assertBad(byId(solo(right)).put("question", task.question()), "task_id");
        HttpResponse<String> notJson = fixture.post("/v1/rewards", "{\"task_id\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.json(notJson).at("/error/type").asText()).isEqualTo("invalid_request_error");
    }

    private static void assertBad(JsonNode body, String param) {
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
        JsonNode error = ServerFixture.json(response).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("param").asText()).isEqualTo(param);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void theGoldAnswerReachesNoWorkerAndKeysAreAskedFor() {
        String gold = "987654321";
        ScriptedWorker echo = ScriptedWorker.computing("echo", request -> "The answer is 987654321.");
        ScriptedWorker other = ScriptedWorker.computing("other", request -> "The answer is 5.");
        LoadedPool live = new LoadedPool(Pool.of(List.of(echo, other)), Optional.empty(), Map.of());
        ServerSettings keyed = ServerSettings.loopback(0).withApiKeys(List.of("sk-reward"));
        try (ServerFixture server = new ServerFixture(live, keyed, List.of("best-solo"))) {
            ObjectNode body = ServerFixture.JSON.createObjectNode().put("question", "Which number do I think of?")
                    .put("gold", gold).put("answer_type", "number")
                    .put("completion", "model_id = [1, 0]\nsubtasks = [\"Guess.\", \"Check the guess above.\"]\n"
                            + "access_list = [[], [\"all\"]]");

            assertThat(server.post("/v1/rewards", body.toString()).statusCode()).isEqualTo(401);
            HttpResponse<String> response = server.post("/v1/rewards", body.toString(), "Authorization", "Bearer sk-reward");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode reward = ServerFixture.json(response);
            assertThat(reward.get("correct").asBoolean()).isTrue();
            assertThat(reward.get("calls").asInt()).isEqualTo(2);
            List<CallRequest> seen = new java.util.ArrayList<>(echo.requests());
            seen.addAll(other.requests());
            assertThat(seen).hasSize(2);
            assertThat(seen).allSatisfy(request -> assertThat(request.messages()).extracting(ChatMessage::text)
                    .noneMatch(text -> text.contains(gold)));
            assertThat(seen).allSatisfy(request -> assertThat(request.task().toString()).doesNotContain(gold));

            HttpResponse<String> byId = server.post("/v1/rewards", ServerFixture.JSON.createObjectNode().put("task_id", "t1")
                    .put("completion", "model_id = [0]\nsubtasks = [\"x\"]\naccess_list = [[]]").toString(),
                    "Authorization", "Bearer sk-reward");
            assertThat(byId.statusCode()).as("a live pool has no benchmark to look ids up in").isEqualTo(400);
        }
    }
}
