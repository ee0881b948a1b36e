package dev.baton.client;

import dev.baton.input.BadInputException;

/** Thrown when a question is empty or blank: there is nothing to answer. */
public final class EmptyQuestionException extends BadInputException {

    public EmptyQuestionException() {
        super("the question is empty: give the text to answer (or - to read it from standard input)");
    }
}
