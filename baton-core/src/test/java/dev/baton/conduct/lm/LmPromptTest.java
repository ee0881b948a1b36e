package dev.baton.conduct.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.input.InvalidSettingException;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallRequest;
import dev.baton.worker.Price;
import dev.baton.worker.Reply;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmPromptTest {

    private static final String MINIMAL = """
            A note for readers: {{not_a_placeholder}} here is never sent.
            === system ===
            Conduct {{models}} in {{max_steps}} steps. {{examples}}
            === question ===
            Q: {{question}}
            === next round ===
            Got {{final_response}}.
            === repair ===
            Bad: {{error}}
            """;

    @Test
    void theShippedPromptLoadsAndFillsEverySection() {
        LmPrompt prompt = LmPrompt.builtIn();

        assertThat(prompt.render(LmPrompt.SYSTEM, Map.of("models", "Model 0", "max_steps", "5")))
                .contains("Model 0", "At most 5 steps", "access_list").doesNotContain("{{");
        assertThat(prompt.render(LmPrompt.REPAIR, Map.of("error", "oops (at 1:2)", "max_steps", "5"))).contains("oops (at 1:2)");
    }

    @Test
    void loadsAPromptAndExamplesFromFiles(@TempDir Path dir) throws Exception {
        Path promptFile = Files.writeString(dir.resolve("prompt.txt"), MINIMAL);
        Path examplesFile = Files.writeString(dir.resolve("examples.txt"), "model_id = [9]\n");

        LmPrompt prompt = LmPrompt.load(promptFile, examplesFile);

        assertThat(prompt.render(LmPrompt.SYSTEM, Map.of("models", "M", "max_steps", "5")))
                .isEqualTo("Conduct M in 5 steps. model_id = [9]");
        assertThat(prompt.render(LmPrompt.QUESTION, Map.of("question", "What is {{models}}?"))).isEqualTo("Q: What is {{models}}?");
        assertThat(LmPrompt.load(promptFile).render(LmPrompt.SYSTEM, Map.of("models", "M", "max_steps", "5")))
                .contains("How many positive divisors");
    }

    @Test
    void rejectsAPlaceholderItsSectionDoesNotKnow() {
        assertThatThrownBy(() -> LmPrompt.of(MINIMAL.replace("Got {{final_response}}", "Got {{finalresponse}}"), "", "p.txt"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("p.txt: section 'next round' uses {{finalresponse}}");
    }

    @Test
    void rejectsAMissingUnknownOrRepeatedSection() {
        assertThatThrownBy(() -> LmPrompt.of(MINIMAL.replace("=== repair ===\nBad: {{error}}", ""), "", "p.txt"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("'=== repair ===' is missing");
        assertThatThrownBy(() -> LmPrompt.of(MINIMAL + "=== sytem ===\nx", "", "p.txt"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("unknown section '=== sytem ==='");
        assertThatThrownBy(() -> LmPrompt.of(MINIMAL + "=== system ===\nx", "", "p.txt"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("'system' appears twice");
    }

    @Test
    void aDescriptionNamingItsWorkerIsKeptWithTheNameReplacedByTheModelsNumber() {
        Pool pool = Pool.of(List.of(
                new Carded(new WorkerCard("fast", "A small model; Fast is cheap but FAST-er than deep, not deeper", Price.FREE, 0)),
                new Carded(new WorkerCard("deep", "deep thinker, slow", new Price(0.075, 15.0), 0)),
                new Carded(new WorkerCard("plain", "plain", new Price(2.5, 10), 0))));

        String system = LmPrompt.builtIn().firstRound(Task.of("t", "What is 6 * 7?", "42", AnswerType.NUMBER), pool.view(), pool)
                .getFirst().text();

        // Another worker's name is its number too; a name inside a longer word ("deeper") is another word.
        assertThat(system).contains("Model 0: A small model; Model 0 is cheap but Model 0-er than Model 1, not deeper\n",
                        "Model 1: Model 1 thinker, slow (USD 0.075 per million input tokens, 15 per million output tokens)",
                        "Model 2 (USD 2.5 per million input tokens, 10 per million output tokens)")
                .doesNotContainIgnoringCase("fast").doesNotContain("deep ", "plain", "0.08");
    }

    /** A worker that is only its card: the prompt never calls it. */
    private record Carded(WorkerCard card) implements Worker {
        @Override
        public Reply call(CallRequest request) {
            throw new AssertionError("the prompt never calls a worker");
        }
    }
}
