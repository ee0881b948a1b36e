package dev.baton.task;

import dev.baton.input.UnknownNameException;
import java.util.Locale;

/**
 * Says how a task's final answer is judged against its gold answer.
 */
public enum AnswerType {
    /** A single number: GSM8K golds such as {@code # 18}, replies such as {@code $1,000} or {@code 18 dollars}. */
    NUMBER,
    /** A LaTeX expression judged by mathematical equivalence (fractions, roots, intervals, tuples, units). */
    MATH,
    /** An option letter of a multiple-choice question. */
    CHOICE,
    /** Free text judged by normalised exact match. */
    TEXT;

    /**
     * Parses the lower-case name used in files and flags ({@code number}, {@code math}, ...).
     *
     * @throws UnknownNameException for a name that is no answer type
     */
    public static AnswerType parse(String name) {
        for (AnswerType type : values()) {
            if (type.name().equalsIgnoreCase(name.strip())) {
                return type;
            }
        }
        throw new UnknownNameException(
                "unknown answer type '" + name + "': use one of number, math, choice, text");
    }

    /** Returns the lower-case name used in files and flags. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
