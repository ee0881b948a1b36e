package dev.baton.execute;

import dev.baton.task.Task;
import dev.baton.worker.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the chat messages for one step from what it may see.
 *
 * <p>A step that sees nothing gets one user turn: the question and its subtask. A step that sees earlier
 * steps gets them as past turns, as in the paper: the first visible step's question and subtask as a user
 * turn, its reply as an assistant turn, each further visible step's subtask and reply likewise, and finally
 * its own subtask. Visible steps that produced no reply are left out.
 */
final class StepMessages {

    private StepMessages() {
    }

    static List<ChatMessage> build(Task task, String subtask, List<CallRecord> visible) {
        List<ChatMessage> messages = new ArrayList<>();
        boolean questionAsked = false;
        for (CallRecord seen : visible) {
            if (seen.reply().isEmpty()) {
                continue;
            }
            messages.add(ChatMessage.user(questionAsked ? seen.subtask() : withQuestion(task, seen.subtask())));
            messages.add(ChatMessage.assistant(seen.reply().get().text()));
            questionAsked = true;
        }
        messages.add(ChatMessage.user(questionAsked ? subtask : withQuestion(task, subtask)));
        return messages;
    }

    private static String withQuestion(Task task, String subtask) {
        return subtask.isBlank() ? task.question() : task.question() + "\n\n" + subtask;
    }
}
