package dev.baton.eval.report;

import java.util.Objects;

/**
 * One question, the workflow the learned conductor wrote for it and how it came out.
 *
 * @param question     the question as posed
 * @param workflowText the workflow in the paper's three-list form ({@code model_id}, {@code subtasks},
 *                     {@code access_list}), one list per line
 * @param answer       the final answer the workflow produced
 * @param correct      whether that answer was graded right
 */
public record ExampleWorkflow(String question, String workflowText, String answer, boolean correct) {

    public ExampleWorkflow {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(workflowText, "workflowText");
        Objects.requireNonNull(answer, "answer");
    }
}
