package dev.baton.eval.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.conduct.Orchestrator;
import dev.baton.eval.report.ExampleWorkflow;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LearnedUsageTest {

    @Test
    void examplesShowTwoWrongAnswersBesideTheRightOnes() {
        List<ExampleWorkflow> examples = LearnedUsage.examples(examples(4, true), examples(3, false));

        assertThat(examples).extracting(ExampleWorkflow::correct).containsExactly(true, true, false, false);
        assertThat(examples).extracting(ExampleWorkflow::question).containsExactly("q0", "q1", "q0", "q1");
    }

    @Test
    void eitherKindFillsInWhereTheOtherRunsShort() {
        assertThat(LearnedUsage.examples(examples(1, true), examples(4, false))).extracting(ExampleWorkflow::correct)
                .containsExactly(true, false, false, false);
        assertThat(LearnedUsage.examples(examples(4, true), List.of())).hasSize(4);
        assertThat(LearnedUsage.examples(List.of(), List.of())).isEmpty();
    }

    private static List<ExampleWorkflow> examples(int count, boolean correct) {
        return IntStream.range(0, count).mapToObj(i -> new ExampleWorkflow("q" + i, "model_id = [0]", "1", correct)).toList();
    }


    @Test
    void countsEachSubjectsCallsPerWorkerMostUsedFirstAndOnlyForItsOwnConductor() {
        Task math1 = subject("m1", "math");
        Task math2 = subject("m2", "math");
        Task physics = subject("p1", "physics");
        Task none = Task.of("x", "q", "A", AnswerType.CHOICE);
        LearnedUsage usage = new LearnedUsage("learned");
        usage.answered("learned", math1, result("gpt", "gemini"));
        usage.answered("learned", math2, result("gpt"));
        usage.answered("learned", physics, result("gemini"));
        usage.answered("learned", none, result("gpt"));
        usage.answered("best-solo", physics, result("gpt", "gpt", "gpt"));

        Map<String, Map<String, Integer>> bySubject = usage.workersBySubject(List.of(math1, math2, physics, none));

        assertThat(bySubject.keySet()).containsExactly("math", "physics");
        assertThat(bySubject.get("math")).containsExactly(Map.entry("gpt", 2), Map.entry("gemini", 1));
        assertThat(bySubject.get("physics")).containsExactly(Map.entry("gemini", 1));
    }

    @Test
    void tasksWithoutSubjectsGiveNothing() {
        Task task = Task.of("x", "q", "1", AnswerType.NUMBER);
        LearnedUsage usage = new LearnedUsage("learned");
        usage.answered("learned", task, result("gpt"));

        assertThat(usage.workersBySubject(List.of(task))).isEmpty();
    }

    private static Task subject(String id, String category) {
        return new Task(id, "q " + id, "A", AnswerType.CHOICE, Map.of("category", category));
    }

    private static Orchestrator.Result result(String... workers) {
        List<CallRecord> calls = new java.util.ArrayList<>();
        for (int i = 0; i < workers.length; i++) {
            calls.add(new CallRecord(0, i, workers[i], "solve", Optional.empty(), List.of(), Duration.ZERO,
                    new CallResult.Answered(new Reply("The answer is (A).", 1, 1, 0, Duration.ZERO), 1)));
        }
        return new Orchestrator.Result(new Trace(calls), Optional.of("The answer is (A)."));
    }
}
