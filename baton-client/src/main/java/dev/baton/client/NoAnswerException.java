package dev.baton.client;

/** Thrown where an answer is required (a chat model's reply) but no worker answered; the message says why. */
public final class NoAnswerException extends RuntimeException {

    public NoAnswerException(String message) {
        super(message);
    }
}
