package dev.baton.server;

import dev.baton.client.Answer;
import dev.baton.client.Baton;
import dev.baton.client.TraceJson;
import dev.baton.execute.Budget;
import dev.baton.offline.RecordedQuestions;
import dev.baton.store.StoredTrace;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.workflow.WorkflowText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Answers one chat request: turns the conversation into a task, runs the named model's conductor under the
 * request's budget (or, for a pool worker, hands it the conversation as is: {@link WorkerGateway}), keeps the trace and
 * counts the calls. What the answer is written as is the endpoint's business.
 */
final class ChatAnswerer {

    private final ServedModels models;
    private final QueuedTraceStore traces;
    private final ServerMetrics metrics;
    private final Optional<RecordedQuestions> recorded;
    private final WorkerGateway gateway;

    ChatAnswerer(ServedModels models, QueuedTraceStore traces, ServerMetrics metrics) {
        this.models = models;
        this.traces = traces;
        this.metrics = metrics;
        this.recorded = models.pool().replay().map(RecordedQuestions::of);
        this.gateway = new WorkerGateway(models.pool().pool(), models.executor(), recorded);
    }

    /**
     * Answers a request; the trace is kept whether or not a worker answered.
     *
     * @throws ApiException (404) for a model not served, (400) for a question a replay pool has no recording of
     */
    Completion answer(ChatRequest request, Budget budget) {
        ServedModel model = models.get(request.model()).orElseThrow(() -> ApiException.modelNotFound(request.model()));
        Instant created = Instant.now();
        Completion completion = model.ownedBy().equals(ServedModels.WORKER)
                ? new Completion(TraceIds.next("chatcmpl-", created), created.getEpochSecond(), model.name(), gateway.answer(model.name(), request, budget),
                        List.of())
                : conducted(model, request, budget, created);
        Answer answer = completion.answer();
        // Built on the trace writer's thread, or by whoever reads it first: its JSON is not the client's to wait for.
        traces.put(completion.id(), () -> new StoredTrace(completion.id(), created, model.name(), answer.question(),
                answer.text(), answer.calls(), answer.costUsd(), answer.elapsed(), TraceJson.of(answer)));
        metrics.answered(model.name(), answer);
        return completion;
    }

    private Completion conducted(ServedModel model, ChatRequest request, Budget budget, Instant created) {
        Task task = task(request);
        RecordingConductor conductor = new RecordingConductor(model.conductor());
        // A Baton per request is a few objects: it carries this request's budget; the pool and executor are shared.
        Baton baton = Baton.builder()
                .pool(models.pool().pool())
                .conductor(conductor)
                .budget(budget)
                .executor(models.executor())
                .build();
        Answer answer = baton.ask(task);
        return new Completion(TraceIds.next("chatcmpl-", created), created.getEpochSecond(), model.name(), answer,
                conductor.workflows().stream().map(w -> WorkflowText.render(w, models.pool().pool().view())).toList());
    }

    /**
     * Returns the task to answer: for a replay pool the recorded one with the last user message's text, else a new one
     * asking the whole conversation.
     */
    private Task task(ChatRequest request) {
        return RecordedQuestions.replayedOrAsked(recorded, request.question(),
                () -> Task.asked(request.questionWithContext(), AnswerType.TEXT),
                benchmark -> ApiException.invalidRequest("The replay pool answers only questions it has recordings for, and "
                        + "the last user message is not one of " + benchmark + "'s questions", "messages"));
    }
}
