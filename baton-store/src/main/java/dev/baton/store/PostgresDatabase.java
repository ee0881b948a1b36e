package dev.baton.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database reached through a small HikariCP pool. Unlike SQLite, PostgreSQL runs statements of several
 * connections at once, and a server answers many requests at once on virtual threads, so each piece of work borrows
 * a connection for its duration instead of queuing on one; {@value #POOL_SIZE} connections are plenty for work items
 * of a few milliseconds, and keep a few replicas well inside PostgreSQL's default 100 connections.
 */
final class PostgresDatabase implements Database {

    static final int POOL_SIZE = 8;

    /** How long work waits for a free connection (or a first connection) before failing. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    private final String location;
    private final HikariDataSource pool;
    private volatile boolean closed;

    private PostgresDatabase(String location, HikariDataSource pool) {
        this.location = location;
        this.pool = pool;
    }

    /**
     * Connects to the database at {@code url}; the password, when given, travels apart from the URL.
     *
     * @throws StoreException when no connection can be made: server down, wrong password, no such database
     */
    static PostgresDatabase connect(String url, Optional<String> password) {
        String location = redact(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("baton-store");
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(url);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        try {
            return new PostgresDatabase(location, new HikariDataSource(config));
        } catch (RuntimeException e) {
            // HikariCP wraps the driver's SQLException (refused, authentication failed, ...) in its own exception.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException(location + ": cannot connect: " + redact(String.valueOf(cause.getMessage())), e);
        }
    }

    /** Returns {@code text} with any {@code password=} parameter blanked, for messages and logs. */
    static String redact(String text) {
        return PASSWORD.matcher(text).replaceAll("$1***");
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(location + ": " + redact(String.valueOf(e.getMessage())), e);
        }
    }

    /** Prepares {@code sql} on a pooled connection each time: the driver keeps the statements it sees often prepared. */
    @Override
    public <T> T query(String sql, StatementWork<T> work) {
        return read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        });
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return read(connection -> Transactions.run(connection, work));
    }

    @Override
    public String location() {
        return location;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(location + ": the store is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }
}
