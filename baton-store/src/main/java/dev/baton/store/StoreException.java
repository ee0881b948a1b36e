package dev.baton.store;

/** Thrown when the store cannot be opened, migrated, read or written; the message names the database file. */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
