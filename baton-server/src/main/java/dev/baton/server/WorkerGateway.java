package dev.baton.server;

import dev.baton.client.Answer;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.execute.Trace;
import dev.baton.offline.RecordedQuestions;
import dev.baton.pool.Pool;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers a request naming a pool worker (Baton as a gateway): the client's conversation goes to that worker as is,
 * in one call through the executor's chain (cache, budget, retries, trace). Passing it unchanged is what lets a pool
 * file of {@code openai} workers pointed at {@code baton serve --pool replay} replay exactly what the in-process
 * replay pool answers: a step that sees earlier replies sends them as turns, and the replay worker's context model
 * reads them, seeded by the very same messages.
 */
final class WorkerGateway {

    static final String PURPOSE = "gateway";

    private final Pool pool;
    private final Executor executor;
    private final Optional<RecordedQuestions> recorded;

    WorkerGateway(Pool pool, Executor executor, Optional<RecordedQuestions> recorded) {
        this.pool = pool;
        this.executor = executor;
        this.recorded = recorded;
    }

    /**
     * Makes the call.
     *
     * @throws ApiException (400) for a replay pool asked a question it has no recording of
     */
    Answer answer(String worker, ChatRequest request, Budget budget) {
        Task task = task(request);
        long start = System.nanoTime();
        Trace trace = executor.call(pool.get(worker), PURPOSE, request.conversation(), task, budget);
        return new Answer(task.question(), trace.finalText(), worker, trace, Duration.ofNanos(System.nanoTime() - start));
    }

    private Task task(ChatRequest request) {
        if (recorded.isEmpty()) {
            return Task.asked(request.question(), AnswerType.TEXT);
        }
        RecordedQuestions questions = recorded.get();
        return questions.turn(request.firstUserText()).or(() -> questions.turn(request.question()))
                .orElseThrow(() -> ApiException.invalidRequest("The replay pool answers only questions it has recordings "
                        + "for, and no user message starts with one of " + questions.benchmark() + "'s questions", "messages"));
    }
}
