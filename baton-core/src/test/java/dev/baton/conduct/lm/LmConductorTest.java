package dev.baton.conduct.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorContract;
import dev.baton.conduct.Orchestrator;
import dev.baton.conduct.PlanningCalls;
import dev.baton.execute.Budget;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Executor;
import dev.baton.execute.RetryPolicy;
import dev.baton.fixtures.ScriptedWorker;
import dev.baton.input.InvalidSettingException;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Worker;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The LM conductor with scripted conductor models: recursion, repair, fallback and bounds. */
class LmConductorTest extends ConductorContract {

    private static final Pool POOL = Pool.of(List.of(
            ScriptedWorker.answering("alpha", "The answer is 41."),
            ScriptedWorker.answering("beta", "{\"answer\": \"42\"}"),
            ScriptedWorker.answering("gamma", "So the result is 42.0"),
            ScriptedWorker.answering("outside", "Never asked.")));
    private static final Task TASK = Task.of("t1", "What is 6 * 7?", "42", AnswerType.NUMBER);
    private static final Executor EXECUTOR = Executor.builder().retry(RetryPolicy.none()).build();

    private static final String TWO_STEPS = """
            Model 0 and Model 1 try, then Model 1 checks.
            model_id = [0, 1]
            subtasks = ["Solve it.", "Check the answer above and give the final one."]
            access_list = [[], ["all"]]
            """;
    private static final String ACCEPT = "It is right.\nmodel_id = []\nsubtasks = []\naccess_list = []";
    private static final String GARBAGE = "model_id = [0, 1]\nsubtasks = [\"only one\"]\naccess_list = [[]]";

    @Override
    protected Pool pool() {
        return POOL;
    }

    @Override
    protected List<Task> tasks() {
        return List.of(TASK, Task.of("t2", "What is 40 + 1?", "41", AnswerType.NUMBER));
    }

    @Override
    protected Conductor create(PoolView view, long seed) {
        return new LmConductor(model(request -> isFirstRound(request) ? TWO_STEPS : ACCEPT), POOL,
                LmConductorOptions.defaults());
    }

    private static ScriptedWorker model(Function<CallRequest, String> replies) {
        return ScriptedWorker.computing("conductor", replies);
    }

    private static String lastUserTurn(CallRequest request) {
        return request.messages().getLast().text();
    }

    private static boolean isFirstRound(CallRequest request) {
        return request.messages().size() == 2;
    }

    private static boolean isRepairRequest(CallRequest request) {
        return lastUserTurn(request).startsWith("I could not read your workflow");
    }

    private static Orchestrator.Result answer(Worker model, Budget budget, LmConductorOptions options) {
        Orchestrator orchestrator = new Orchestrator(EXECUTOR, POOL, budget, Orchestrator.DEFAULT_MAX_ROUNDS);
        return orchestrator.answer(new LmConductor(model, POOL, options), TASK, POOL.view());
    }

    private static Orchestrator.Result answer(Worker model) {
        return answer(model, Budget.unlimited(), LmConductorOptions.defaults());
    }

    @Test
    void plansASecondRoundAfterSeeingTheFinalResponseThenAccepts() {
        ScriptedWorker model = model(request -> isFirstRound(request) ? TWO_STEPS
                : lastUserTurn(request).contains("{\"answer\": \"42\"}") && request.messages().size() == 4
                        ? "model_id = [2]\nsubtasks = [\"Verify everything above.\"]\naccess_list = [[\"all\"]]"
                        : ACCEPT);

        Orchestrator.Result result = answer(model);

        assertThat(result.trace().rounds()).isEqualTo(2);
        assertThat(result.trace().calls()).extracting(CallRecord::workerId).containsExactly("alpha", "beta", "gamma");
        assertThat(result.trace().round(1).getFirst().subtask()).isEqualTo("Verify everything above.");
        assertThat(result.answer()).contains("So the result is 42.0");
        assertThat(result.trace().planning()).extracting(CallRecord::subtask).containsExactly(
                "write the workflow (round 0) → planned 2 steps",
                "write the workflow (round 1) → planned 1 step",
                "write the workflow (round 2) → accepted the answer");
        assertThat(result.trace().planning()).allSatisfy(call -> assertThat(call.role()).contains(Executor.CONDUCTOR_ROLE));
        // The model saw what ran as canonical text, then the final response of that round.
        List<ChatMessage> secondAsk = model.requests().get(1).messages();
        assertThat(secondAsk.get(2).text()).contains("model_id = [0, 1]");
        assertThat(secondAsk.get(3).text()).contains("{\"answer\": \"42\"}", "Round 1");
    }

    @Test
    void theConductorsCallsCountInTheTraceAndItsCost() {
        Orchestrator.Result result = answer(model(request -> isFirstRound(request) ? TWO_STEPS : ACCEPT));

        assertThat(result.trace().callCount()).isEqualTo(4);
        double planningCost = result.trace().planning().stream().mapToDouble(c -> c.reply().orElseThrow().costUsd()).sum();
        double stepsCost = result.trace().calls().stream().mapToDouble(c -> c.reply().orElseThrow().costUsd()).sum();
        assertThat(planningCost).isPositive();
        assertThat(result.trace().costUsd()).isEqualTo(planningCost + stepsCost);
    }

    @Test
    void asksOnceToRepairAnUnreadableReplyQuotingTheLocatedError() {
        ScriptedWorker model = model(request -> isRepairRequest(request) ? TWO_STEPS
                : isFirstRound(request) ? GARBAGE : ACCEPT);

        Orchestrator.Result result = answer(model);

        assertThat(lastUserTurn(model.requests().get(1))).contains("the lists differ in length", "(at 2:12)");
        assertThat(model.requests().get(1).messages()).extracting(ChatMessage::text).contains(GARBAGE);
        assertThat(result.trace().planning()).extracting(CallRecord::subtask).containsExactly(
                "write the workflow (round 0) → unreadable: the lists differ in length: model_id has 2, subtasks has 1, "
                        + "access_list has 1 entries (at 2:12); asking once to repair",
                "repair the workflow (round 0) → planned 2 steps",
                "write the workflow (round 1) → accepted the answer");
        assertThat(result.trace().calls()).extracting(CallRecord::workerId).containsExactly("alpha", "beta");
    }

    @Test
    void fallsBackWhenTheReplyNeverParsesAndStillEnds() {
        ScriptedWorker model = model(request -> GARBAGE);

        Orchestrator.Result result = answer(model);

        assertThat(result.trace().calls()).extracting(CallRecord::workerId).containsExactly("alpha");
        assertThat(result.trace().calls().getFirst().subtask()).isEqualTo(LmConductorRun.FALLBACK_SUBTASK);
        assertThat(result.answer()).contains("The answer is 41.");
        assertThat(result.trace().planning()).hasSize(4);
        assertThat(result.trace().planning().get(1).subtask())
                .startsWith("repair the workflow (round 0) → unreadable again: the lists differ in length")
                .endsWith("; fallback: alpha (Model 0) answers alone");
        assertThat(result.trace().planning().get(3).subtask())
                .startsWith("repair the workflow (round 1) → unreadable again")
                .endsWith("; fallback: keep the answer so far");
    }

    @Test
    void fallsBackToTheConfiguredWorker() {
        Orchestrator.Result result = answer(model(request -> "I would rather just answer: 42."), Budget.unlimited(),
                LmConductorOptions.defaults().withFallbackWorker("gamma"));

        assertThat(result.trace().calls()).extracting(CallRecord::workerId).containsExactly("gamma");
        assertThat(result.trace().planning().get(1).subtask()).contains("no model_id list found",
                "fallback: gamma (Model 2) answers alone");
    }

    @Test
    void readsTypographicQuotesAndMarksTheRepairInTheTrace() {
        String curly = "model_id = [1]\nsubtasks = [“Solve it and give the final answer.”]\naccess_list = [[]]";
        ScriptedWorker model = model(request -> isFirstRound(request) ? curly : ACCEPT);

        Orchestrator.Result result = answer(model);

        assertThat(result.trace().calls()).singleElement().satisfies(call -> {
            assertThat(call.workerId()).isEqualTo("beta");
            assertThat(call.subtask()).isEqualTo("Solve it and give the final answer.");
        });
        assertThat(result.trace().planning().getFirst().subtask()).isEqualTo(
                "write the workflow (round 0) → planned 1 step (repaired: replaced typographic quotes with plain ones at 2:13)");
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void aConductorThatIsDownFallsBackWithoutARepairRequest() {
        Orchestrator.Result result = answer(ScriptedWorker.failing("conductor"));

        assertThat(result.trace().calls()).extracting(CallRecord::workerId).containsExactly("alpha");
        assertThat(result.answer()).contains("The answer is 41.");
        assertThat(result.trace().planning()).hasSize(2);
        assertThat(result.trace().planning().getFirst().result()).isInstanceOf(CallResult.Failed.class);
        assertThat(result.trace().planning().getFirst().subtask()).contains("no reply:", "conductor is unavailable",
                "fallback: alpha (Model 0) answers alone");
        assertThat(result.trace().planning().get(1).subtask()).endsWith("fallback: keep the answer so far");
    }

    @Test
    void anExhaustedBudgetEndsTheRun() {
        ScriptedWorker model = model(request -> TWO_STEPS);

        Orchestrator.Result result = answer(model, Budget.unlimited().withMaxCalls(3), LmConductorOptions.defaults());

        assertThat(result.trace().callCount()).isEqualTo(3);
        assertThat(result.trace().rounds()).isEqualTo(1);
        assertThat(result.trace().planning().getLast().result()).isInstanceOf(CallResult.Skipped.class);
        assertThat(result.trace().planning().getLast().subtask()).contains("no reply: not called",
                "fallback: keep the answer so far");
        assertThat(result.answer()).contains("{\"answer\": \"42\"}");
    }

    @Test
    void aModelThatNeverAcceptsStopsAtItsRoundLimit() {
        ScriptedWorker model = model(request -> "model_id = [0]\nsubtasks = [\"Once more.\"]\naccess_list = [[\"all\"]]");

        Orchestrator.Result result = answer(model, Budget.unlimited(), LmConductorOptions.defaults().withMaxRounds(2));

        assertThat(result.trace().rounds()).isEqualTo(2);
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void acceptingBeforeAnythingRanIsTreatedAsUnreadable() {
        ScriptedWorker model = model(request -> isRepairRequest(request) ? TWO_STEPS : ACCEPT);

        Orchestrator.Result result = answer(model);

        assertThat(result.trace().planning().getFirst().subtask()).contains("nothing has run yet");
        assertThat(result.trace().rounds()).isEqualTo(1);
    }

    @Test
    void showsWorkersAsNumberedModelsNeverByNameAndNeverTheGold() {
        ScriptedWorker model = model(request -> isFirstRound(request) ? TWO_STEPS : ACCEPT);

        answer(model);

        List<ChatMessage> first = model.requests().getFirst().messages();
        assertThat(first.getFirst().role()).isEqualTo(ChatMessage.Role.SYSTEM);
        assertThat(first.getFirst().text()).contains("Model 0", "Model 3", "At most 5 steps", "model_id = [1, 0, 1]")
                .doesNotContain("alpha", "beta", "gamma", "outside", "{{");
        assertThat(first.getLast().text()).contains("What is 6 * 7?").doesNotContain("{{");
        assertThat(first.getLast().text().replace("6 * 7", "")).doesNotContain("42");
    }

    @Test
    void aQuestionsDeadlineBoundsAllItsRoundsAndPlanningCallsTogether() {
        // The model plans one step every round and never accepts; each step takes 0.8 s, the question has 2 s. Two
        // rounds fit; the third round's step is cut off at the deadline and nothing is asked after it. (With a deadline
        // per round, every round's step fits its own 2 s and answers: this test fails then.)
        Pool slow = Pool.of(List.of(ScriptedWorker.slow("alpha", "41", java.time.Duration.ofMillis(800)),
                ScriptedWorker.answering("beta", "42")));
        ScriptedWorker model = model(request -> "Model 0 solves.\nmodel_id = [0]\nsubtasks = [\"Solve it.\"]\naccess_list = [[]]");
        Budget twoSeconds = Budget.unlimited().withDeadline(java.time.Duration.ofSeconds(2));

        Orchestrator.Result result = new Orchestrator(EXECUTOR, slow, twoSeconds, Orchestrator.DEFAULT_MAX_ROUNDS)
                .answer(new LmConductor(model, slow, LmConductorOptions.defaults()), TASK, slow.view());

        List<CallRecord> steps = result.trace().calls();
        assertThat(steps).hasSizeLessThanOrEqualTo(3);
        assertThat(steps.subList(0, 2)).allSatisfy(step -> assertThat(step.result()).isInstanceOf(CallResult.Answered.class));
        assertThat(steps.getLast().result()).isNotInstanceOf(CallResult.Answered.class);
        assertThat(result.trace().planning()).filteredOn(call -> call.result() instanceof CallResult.Answered)
                .hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aFallbackWorkerOutsideTheViewIsBadInput() {
        Conductor conductor = new LmConductor(model(request -> ACCEPT), POOL,
                LmConductorOptions.defaults().withFallbackWorker("outside"));

        assertThatThrownBy(() -> conductor.start(TASK, view(), PlanningCalls.none()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("fallback worker 'outside'");
        assertThat(conductor.name()).isEqualTo("lm:conductor");
    }
}
