package dev.baton.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.grade.Graders;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vendored MMLU-Pro recordings: what the data README promises, checked through our own reader and grader. The
 * subject figures are the ones the README quotes from the source, so a broken reader, a grader that misreads "The
 * answer is (C)." or a lost category would move them.
 */
class MmluProBenchmarkTest {

    private static RecordedBenchmark mmlu;

    @BeforeAll
    static void load() {
        mmlu = Benchmarks.load("mmlu-pro", Optional.empty());
    }

    @Test
    void holdsSevenThousandChoiceQuestionsInSevenSubjectsWithThirteenModels() {
        assertThat(mmlu.tasks()).hasSize(7_079);
        assertThat(mmlu.models()).hasSize(13).contains("gpt-4o", "gemini-1.5-pro-002");
        assertThat(mmlu.tasks()).allSatisfy(task -> assertThat(task.answerType()).isEqualTo(AnswerType.CHOICE));
        assertThat(mmlu.tasks().stream().map(task -> task.metadata().get("category")).distinct().sorted())
                .containsExactly("biology", "economics", "engineering", "law", "math", "physics", "psychology");
    }

    @Test
    void theBestModelDiffersBySubject() {
        Map<String, Double> gpt4o = accuracyBySubject("gpt-4o");
        Map<String, Double> gemini = accuracyBySubject("gemini-1.5-pro-002");

        assertThat(gpt4o.get("math")).isCloseTo(77, org.assertj.core.data.Offset.offset(1.0));
        assertThat(gemini.get("math")).isCloseTo(52, org.assertj.core.data.Offset.offset(1.0));
        assertThat(gemini.get("physics")).isCloseTo(81, org.assertj.core.data.Offset.offset(1.0));
        assertThat(gpt4o.get("physics")).isCloseTo(75, org.assertj.core.data.Offset.offset(1.0));
        assertThat(gemini.get("law")).isGreaterThan(gpt4o.get("law"));
    }

    @Test
    void everyRecordedModelIsPriced() {
        assertThat(OfflineConfig.defaultPrices().prices().keySet()).containsAll(mmlu.models());
    }

    /** Per subject, the percentage of its questions the model's recorded reply answers correctly (missing = wrong). */
    private static Map<String, Double> accuracyBySubject(String model) {
        Map<String, List<Task>> bySubject = mmlu.tasks().stream()
                .collect(Collectors.groupingBy(task -> task.metadata().get("category"), TreeMap::new, Collectors.toList()));
        Map<String, Double> accuracy = new TreeMap<>();
        bySubject.forEach((subject, tasks) -> accuracy.put(subject, 100.0 * tasks.stream()
                .filter(task -> mmlu.reply(task.id(), model)
                        .map(reply -> Graders.forType(task.answerType()).grade(reply.text(), task).correct())
                        .orElse(false))
                .count() / tasks.size()));
        return accuracy;
    }
}
