package dev.baton.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.conduct.lm.LmPrompt;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.worker.ChatMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the prompts a conductor model is trained on, one JSON line per task: the LM conductor's opening conversation
 * for that task exactly as {@code lm:<worker>} would send it (system prompt with the pool as numbered models, and the
 * question), the gold answer and the answer type. A trainer (TRL, verl, OpenRLHF) samples workflows from
 * {@code messages} and posts each to {@code POST /v1/rewards} of a server over the same pool, which numbers the models
 * the same way.
 *
 * <pre>
 * {"id": "gsm8k-17", "benchmark": "gsm8k", "question": "...", "messages": [{"role": "system", "content": "..."},
 *  {"role": "user", "content": "..."}], "gold": "# 18", "answer_type": "number"}
 * </pre>
 */
public final class RolloutExport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Pool pool;
    private final PoolView view;
    private final LmPrompt prompt;

    /**
     * @param pool   the workers, whose cards describe them to the conductor
     * @param view   the workers offered, numbered as the conductor sees them
     * @param prompt what the LM conductor says
     */
    public RolloutExport(Pool pool, PoolView view, LmPrompt prompt) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.view = Objects.requireNonNull(view, "view");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    /** Returns one task's line, without its newline. */
    public String line(String benchmark, Task task) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", task.id());
        root.put("benchmark", benchmark);
        root.put("question", task.question());
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage message : prompt.firstRound(task, view, pool)) {
            messages.addObject().put("role", message.role().name().toLowerCase(Locale.ROOT)).put("content", message.text());
        }
        root.put("gold", task.gold());
        root.put("answer_type", task.answerType().id());
        return root.toString();
    }

    /**
     * Writes every task's line to {@code out}, replacing it.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void write(String benchmark, List<Task> tasks, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (Task task : tasks) {
                    writer.write(line(benchmark, task));
                    writer.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
