package dev.baton.pricing;

import dev.baton.input.BadInputException;

/** Thrown when a price table cannot be read or lacks a worker. */
public final class PriceTableException extends BadInputException {

    public PriceTableException(String message) {
        super(message);
    }
}
