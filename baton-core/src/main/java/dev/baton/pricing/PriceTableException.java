package dev.baton.pricing;

/** Thrown when a price table cannot be read or lacks a worker. */
public final class PriceTableException extends IllegalArgumentException {

    public PriceTableException(String message) {
        super(message);
    }
}
