package dev.baton.store;

import dev.baton.input.InvalidSettingException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Baton keeps what it records: traces of served requests, cached worker replies and question embeddings. Two
 * backends implement it: the embedded SQLite file ({@link Store}, the default) and a PostgreSQL database
 * ({@code jdbc:postgresql:} URLs) that several {@code baton serve} replicas share, so that a trace written by one is
 * served by another and a reply cached by one is reused by all.
 *
 * <pre>{@code
 * try (StoreBackend store = StoreBackend.open("jdbc:postgresql://db:5432/baton?user=baton", Optional.of(password))) {
 *     BatonServer.start(settings, models, store.traces());
 * }
 * }</pre>
 *
 * <p>Both keep the same tables under the same schema versions ({@code schema_version}), migrating an older store
 * when opened. Implementations are safe to use from many threads at once.
 */
public interface StoreBackend extends AutoCloseable {

    /** The prefix of the URLs that name a PostgreSQL store. */
    String POSTGRES_PREFIX = "jdbc:postgresql:";

    /**
     * Opens the store {@code spec} names: a {@code jdbc:postgresql:} URL, or else the path of a SQLite file (created
     * with its schema as needed).
     *
     * @param password the database's password, kept out of the URL (and so out of logs and messages); a file ignores it
     * @throws InvalidSettingException when {@code spec} is blank or a JDBC URL of another database
     * @throws StoreException when the store cannot be reached, opened or migrated
     */
    static StoreBackend open(String spec, Optional<String> password) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(password, "password");
        if (spec.isBlank()) {
            throw new InvalidSettingException("the store must be a SQLite file or a " + POSTGRES_PREFIX + " URL, got nothing");
        }
        if (spec.startsWith(POSTGRES_PREFIX)) {
            return PostgresStore.open(spec, password);
        }
        if (spec.startsWith("jdbc:")) {
            throw new InvalidSettingException("the store " + PostgresDatabase.redact(spec) + " is a JDBC URL Baton cannot "
                    + "use: only " + POSTGRES_PREFIX + " URLs name a database; anything else is a SQLite file");
        }
        return Store.open(Path.of(spec));
    }

    /**
     * Checks that the store is whole, so that a long-running process (a server) refuses to start on a damaged store
     * rather than failing later at every read. The embedded store runs SQLite's {@code PRAGMA quick_check}, which
     * reads every page (seconds for a store of gigabytes).
     *
     * @throws StoreException naming the store and what is damaged
     */
    void checkIntegrity();

    /** Returns the traces of the requests a server answered. */
    TraceStore traces();

    /** Returns the cache of worker replies. */
    ResponseCache responses();

    /** Returns what each recording has spent, kept beside the cached replies. */
    RecordingSpend recordingSpend();

    /** Returns the cache of question embeddings. */
    EmbeddingCache embeddings();

    /** Returns where the store lives, fit to print: a file path, {@code :memory:}, or a URL without any password. */
    String location();

    /** Closes the store's connections; closing twice does nothing. */
    @Override
    void close();
}
