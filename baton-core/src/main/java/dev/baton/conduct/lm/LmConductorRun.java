package dev.baton.conduct.lm;

import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.Plan;
import dev.baton.conduct.PlanningCalls;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.worker.ChatMessage;
import dev.baton.workflow.ParsedWorkflow;
import dev.baton.workflow.Step;
import dev.baton.workflow.Workflow;
import dev.baton.workflow.WorkflowParseException;
import dev.baton.workflow.WorkflowText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One task conducted by an {@link LmConductor}: the conversation with its model so far, round after round. The
 * model sees the workflows that ran (as canonical three-list text, the fallback included), not its own earlier
 * reasoning, which keeps the conversation short.
 */
final class LmConductorRun implements ConductorRun {

    /** What the fallback worker is told: the same instruction the solo baseline gives. */
    static final String FALLBACK_SUBTASK = "Solve the problem. Think step by step, then give the final answer.";

    private final LmConductor conductor;
    private final PoolView view;
    private final String fallback;
    private final PlanningCalls calls;
    private final List<ChatMessage> conversation = new ArrayList<>();

    LmConductorRun(LmConductor conductor, Task task, PoolView view, String fallback, PlanningCalls planning) {
        this.conductor = conductor;
        this.view = view;
        this.fallback = fallback;
        this.calls = planning;
        conversation.addAll(conductor.options().prompt().firstRound(task, view, conductor.pool()));
    }

    /** How one call to the model ended. */
    private sealed interface Reading {
        /** The reply was read: a workflow, or an accept after the first round. */
        record Read(ParsedWorkflow parsed) implements Reading {
        }

        /** The model replied, but no workflow could be read from its reply. */
        record Unreadable(String reply, String error) implements Reading {
        }

        /** The call failed or was not made (budget, deadline). */
        record NoReply(String reason) implements Reading {
        }
    }

    @Override
    public Plan next(Trace trace) {
        int round = trace.rounds();
        LmConductorOptions options = conductor.options();
        if (round >= options.maxRounds()) {
            return Plan.accept();
        }
        if (round > 0) {
            conversation.add(ChatMessage.user(options.prompt().render(LmPrompt.NEXT_ROUND, Map.of(
                    "final_response", finalAnswer(trace).orElse("(no model answered)"),
                    "round", Integer.toString(round),
                    "rounds_left", Integer.toString(options.maxRounds() - round - 1),
                    "max_steps", Integer.toString(Workflow.MAX_STEPS)))));
        }
        List<CallRecord> planning = new ArrayList<>();
        List<ChatMessage> asked = List.copyOf(conversation);
        Reading reading = ask("write the workflow (round " + round + ")", asked, trace, planning);
        if (reading instanceof Reading.Unreadable unreadable) {
            annotate(planning, "unreadable: " + unreadable.error() + "; asking once to repair");
            List<ChatMessage> repair = new ArrayList<>(asked);
            repair.add(ChatMessage.assistant(unreadable.reply()));
            repair.add(ChatMessage.user(options.prompt().render(LmPrompt.REPAIR,
                    Map.of("error", unreadable.error(), "max_steps", Integer.toString(Workflow.MAX_STEPS)))));
            reading = ask("repair the workflow (round " + round + ")", repair, trace, planning);
        }
        return switch (reading) {
            case Reading.Read read -> decide(read.parsed(), planning);
            case Reading.Unreadable unreadable -> fallBack("unreadable again: " + unreadable.error(), round, planning);
            case Reading.NoReply none -> fallBack("no reply: " + none.reason(), round, planning);
        };
    }

    /** Calls the model once and reads its reply, adding the call's record to {@code planning}. */
    private Reading ask(String purpose, List<ChatMessage> messages, Trace trace, List<CallRecord> planning) {
        CallRecord call = calls.call(conductor.model(), purpose, messages, trace.plusPlanning(planning));
        planning.add(call);
        return switch (call.result()) {
            case CallResult.Answered answered -> read(answered.reply().text(), trace.rounds() == 0);
            case CallResult.Failed failed -> new Reading.NoReply(failed.kind().toString().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ": " + failed.error());
            case CallResult.Skipped skipped -> new Reading.NoReply("not called: " + skipped.reason());
        };
    }

    private Reading read(String reply, boolean firstRound) {
        try {
            ParsedWorkflow parsed = WorkflowText.parseReporting(reply, view);
            if (parsed.accepts() && firstRound) {
                return new Reading.Unreadable(reply, "three empty lists accept an answer, but nothing has run yet: "
                        + "plan at least one step");
            }
            return new Reading.Read(parsed);
        } catch (WorkflowParseException e) {
            return new Reading.Unreadable(reply, e.messageIn(reply));
        }
    }

    private Plan decide(ParsedWorkflow parsed, List<CallRecord> planning) {
        String repaired = parsed.repaired() ? " (repaired: " + String.join("; ", parsed.repairs()) + ")" : "";
        if (parsed.workflow().isEmpty()) {
            annotate(planning, "accepted the answer" + repaired);
            return new Plan.Accept(planning);
        }
        Workflow workflow = parsed.workflow().get();
        annotate(planning, "planned " + workflow.size() + (workflow.size() == 1 ? " step" : " steps") + repaired);
        conversation.add(ChatMessage.assistant(WorkflowText.render(workflow, view)));
        return new Plan.Run(workflow, planning);
    }

    /** The first round falls back to one worker alone; a later round keeps the answer it has. */
    private Plan fallBack(String reason, int round, List<CallRecord> planning) {
        if (round > 0) {
            annotate(planning, reason + "; fallback: keep the answer so far");
            return new Plan.Accept(planning);
        }
        Workflow workflow = Workflow.of(Step.independent(fallback, FALLBACK_SUBTASK));
        annotate(planning, reason + "; fallback: " + fallback + " (Model " + view.indexOf(fallback) + ") answers alone");
        conversation.add(ChatMessage.assistant(WorkflowText.render(workflow, view)));
        return new Plan.Run(workflow, planning);
    }

    /** Says how the latest call ended, in its record's subtask, where a trace's reader sees it. */
    private static void annotate(List<CallRecord> planning, String outcome) {
        CallRecord last = planning.removeLast();
        planning.add(new CallRecord(last.round(), last.step(), last.workerId(), last.subtask() + " → " + outcome,
                last.role(), last.messages(), last.startedAt(), last.result()));
    }
}
