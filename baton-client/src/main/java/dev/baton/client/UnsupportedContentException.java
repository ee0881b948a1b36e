package dev.baton.client;

import dev.baton.input.BadInputException;

/** Thrown for chat content Baton cannot pass to its workers: images, audio, files. */
public final class UnsupportedContentException extends BadInputException {

    public UnsupportedContentException(String message) {
        super(message);
    }
}
