package dev.baton.learn.policy;

/**
 * The kinds of choice the policy makes while writing a workflow. The three yes/no choices share the
 * policy's binary head, one output each ({@link #binaryIndex()}).
 */
public enum DecisionKind {
    /** Round 1, step 2 onwards: stop adding steps? (1 = stop) */
    STOP(0),
    /** Start of every later round: add steps after seeing what came back? (1 = add more, 0 = accept) */
    CONTINUE(1),
    /** Round 1, step 2 onwards: does the step see the earlier steps? (1 = all, 0 = none) */
    ACCESS(2),
    /** Which worker performs the step (a pointer over the available workers). */
    WORKER(-1),
    /** Which role (subtask template) the step gets. */
    ROLE(-1);

    static final int BINARY_KINDS = 3;

    private final int binaryIndex;

    DecisionKind(int binaryIndex) {
        this.binaryIndex = binaryIndex;
    }

    /** Returns the output of the binary head this choice uses, or -1 for the worker and role choices. */
    public int binaryIndex() {
        return binaryIndex;
    }

    public boolean binary() {
        return binaryIndex >= 0;
    }
}
