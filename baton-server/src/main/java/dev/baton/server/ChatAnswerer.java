package dev.baton.server;

import dev.baton.client.Answer;
import dev.baton.client.Baton;
import dev.baton.client.TraceJson;
import dev.baton.execute.Budget;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.store.StoredTrace;
import dev.baton.store.TraceStore;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.workflow.WorkflowText;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Answers one chat request: turns the conversation into a task, runs the named model's conductor under the
 * request's budget, keeps the trace and counts the calls. What the answer is written as is the endpoint's business.
 */
final class ChatAnswerer {

    private static final SecureRandom IDS = new SecureRandom();

    private final ServedModels models;
    private final TraceStore traces;
    private final ServerMetrics metrics;

    ChatAnswerer(ServedModels models, TraceStore traces, ServerMetrics metrics) {
        this.models = models;
        this.traces = traces;
        this.metrics = metrics;
    }

    /**
     * Answers a request; the trace is kept whether or not a worker answered.
     *
     * @throws ApiException (404) for a model not served, (400) for a question a replay pool has no recording of
     */
    Completion answer(ChatRequest request, Budget budget) {
        ServedModel model = models.get(request.model()).orElseThrow(() -> ApiException.modelNotFound(request.model()));
        Task task = task(request);
        Instant created = Instant.now();
        RecordingConductor conductor = new RecordingConductor(model.conductor().apply(budget));
        // A Baton per request is a few objects: it carries this request's budget; the pool and executor are shared.
        Baton baton = Baton.builder()
                .pool(models.pool().pool())
                .conductor(conductor)
                .budget(budget)
                .executor(models.executor())
                .build();
        Answer answer = baton.ask(task);
        Completion completion = new Completion(newId(), created.getEpochSecond(), model.name(), answer,
                conductor.workflows().stream().map(w -> WorkflowText.render(w, models.pool().pool().view())).toList());
        traces.put(new StoredTrace(completion.id(), created, model.name(), task.question(), answer.text(), answer.calls(),
                answer.costUsd(), answer.elapsed(), TraceJson.of(answer)));
        metrics.answered(model.name(), answer);
        return completion;
    }

    /** Returns the task to answer: for a replay pool the recorded one with the question's text, else a new one. */
    private Task task(ChatRequest request) {
        return models.pool().replay().map(replayed -> recorded(replayed, request.question())).orElseGet(() -> {
            String question = request.questionWithContext();
            return new Task(Baton.idOf(question), question, "", AnswerType.TEXT, Map.of());
        });
    }

    /** A replay pool answers only its recorded questions, and earlier turns cannot change a recording. */
    private static Task recorded(ReplayedBenchmark replayed, String question) {
        return replayed.benchmark().tasks().stream()
                .filter(t -> t.question().strip().equals(question.strip()))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidRequest("The replay pool answers only questions it has recordings "
                        + "for, and the last user message is not one of " + replayed.name() + "'s questions", "messages"));
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        IDS.nextBytes(bytes);
        return "chatcmpl-" + HexFormat.of().formatHex(bytes);
    }
}
