package dev.baton.conduct;

import dev.baton.execute.CallRecord;
import dev.baton.execute.Trace;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Worker;
import java.util.List;

/**
 * The one way a conductor's run makes calls of its own — a language model asked for the next round's workflow. The
 * {@link Orchestrator} gives each run its own when it starts the question ({@link Conductor#start}), bound to the
 * executor that runs the steps and to the question's one budget, so a planning call passes through the same chain
 * (cache, retry, limits, trace) and is charged to the same account as every step. A conductor therefore holds no
 * executor and no budget of its own.
 */
@FunctionalInterface
public interface PlanningCalls {

    /**
     * Asks {@code model} once. Never throws for a failed call: the record says how it ended.
     *
     * @param purpose  what the call is for, kept as the record's subtask (for example "write the workflow")
     * @param messages the conversation, ending with a user turn
     * @param previous everything the question has run so far, earlier planning calls included
     * @return the call's record, a planning call of the round after {@code previous}'s steps
     */
    CallRecord call(Worker model, String purpose, List<ChatMessage> messages, Trace previous);

    /** Returns planning calls for a conductor that makes none: any call is a bug in it. */
    static PlanningCalls none() {
        return (model, purpose, messages, previous) -> {
            throw new IllegalStateException("this run was started without a way to make planning calls");
        };
    }
}
