package dev.baton.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Breaks a SQLite store file the way a read-only file or a full disk would, in a way that holds even for root (whom
 * file permissions do not stop): triggers that abort every insert and update of the named tables with SQLite's own
 * message, so the store opens and reads as before and fails on the first write.
 */
public final class StoreFaults {

    /** The message every refused write fails with, as SQLite words a read-only database. */
    public static final String READ_ONLY = "attempt to write a readonly database";

    private StoreFaults() {
    }

    /** Makes every insert and update of {@code tables} in the store file {@code store} fail. */
    public static void refuseWrites(Path store, String... tables) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            for (String table : tables) {
                for (String event : new String[] {"INSERT", "UPDATE"}) {
                    statement.execute("CREATE TRIGGER refuse_" + event.toLowerCase(java.util.Locale.ROOT) + "_" + table
                            + " BEFORE " + event + " ON " + table + " BEGIN SELECT RAISE(ABORT, '" + READ_ONLY + "'); END");
                }
            }
        }
    }

    /** Makes every write of the store file {@code store} fail: its response cache and its recordings' spending. */
    public static void refuseAllWrites(Path store) throws SQLException {
        refuseWrites(store, "response_cache", "recording_spend");
    }
}
