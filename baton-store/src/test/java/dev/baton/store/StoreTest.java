package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.input.InvalidSettingException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void createsParentDirectoriesAndTheSchema() throws Exception {
        Path file = dir.resolve("nested/deeper/baton.db");
        try (Store store = Store.open(file)) {
            assertThat(store.location()).isEqualTo(file.toAbsolutePath().toString());
        }
        assertThat(file).exists();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            assertThat(Schema.readVersion(statement)).isEqualTo(Schema.CURRENT_VERSION);
            assertThat(statement.executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void reopeningKeepsTheSchemaVersion() {
        Path file = dir.resolve("baton.db");
        Store.open(file).close();
        try (Store store = Store.open(file)) {
            assertThat(store.embeddings().count("any")).isZero();
        }
    }

    @Test
    void upgradesAVersionOneStoreKeepingItsEmbeddings() throws Exception {
        Path file = dir.resolve("v1.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            for (String sql : EmbeddingCache.CREATE_TABLES) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO schema_version (version) VALUES (1)");
            statement.execute("INSERT INTO embedding_encoder VALUES ('enc', 1)");
            statement.execute("INSERT INTO embedding VALUES ('enc', X'00', X'0000803f')");
        }

        try (Store store = Store.open(file)) {
            assertThat(store.embeddings().count("enc")).isEqualTo(1);
            assertThat(store.responses().count()).isZero();
            assertThat(store.traces().recent(10)).isEmpty();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            assertThat(Schema.readVersion(statement)).isEqualTo(5).isEqualTo(Schema.CURRENT_VERSION);
        }
    }

    @Test
    void rejectsAFileThatIsNotADatabaseNamingIt() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are my notes, not a database. ".repeat(200));

        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("not a SQLite database");
    }

    @Test
    void rejectsASchemaFromANewerBaton() throws Exception {
        Path file = dir.resolve("future.db");
        Store.open(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE schema_version SET version = " + (Schema.CURRENT_VERSION + 1));
        }

        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("newer Baton");
    }

    @Test
    void aWholeStorePassesItsCheck() {
        Path file = dir.resolve("whole.db");
        try (Store store = Store.open(file)) {
            store.traces().put(TraceStoreContract.trace("chatcmpl-1", 1_000, Optional.of("42")));
            store.checkIntegrity();
        }
    }

    @Test
    void aDamagedStoreOpensButFailsItsCheckNamingTheFile() {
        Path file = DamagedStoreFile.write(dir.resolve("damaged.db"));

        try (Store store = Store.open(file)) {
            assertThatThrownBy(store::checkIntegrity)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("damaged")
                    .hasMessageContaining("quick_check");
        }
    }

    @Test
    void refusesUseAfterClose() {
        Store store = Store.inMemory();
        store.close();
        store.close();

        assertThatThrownBy(() -> store.embeddings().count("any"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void upgradesAVersionTwoStoreKeepingItsReplies() throws Exception {
        Path file = dir.resolve("v2.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            for (String sql : EmbeddingCache.CREATE_TABLES) {
                statement.execute(sql);
            }
            for (String sql : ResponseCacheTable.CREATE_TABLES) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO schema_version (version) VALUES (2)");
            statement.execute("INSERT INTO response_cache VALUES (X'00', 'm', 'kept', 1, 2, 0.5, 0)");
        }

        try (Store store = Store.open(file)) {
            assertThat(store.responses().count()).isEqualTo(1);
            store.traces().put(TraceStoreContract.trace("chatcmpl-1", 1_000, Optional.of("42")));
            store.recordingSpend().hold("/runs/mine.jsonl", 0.5);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            assertThat(Schema.readVersion(statement)).isEqualTo(5);
            ResultSet kept = statement.executeQuery("SELECT usage_estimated FROM response_cache");
            assertThat(kept.next()).isTrue();
            assertThat(kept.getBoolean(1)).as("a reply cached before the column was reported").isFalse();
        }
    }

    @Test
    void aPathOpensTheSqliteStore() {
        Path file = dir.resolve("chosen.db");
        try (StoreBackend store = StoreBackend.open(file.toString(), Optional.of("ignored"))) {
            assertThat(store).isInstanceOf(Store.class);
            assertThat(store.location()).isEqualTo(file.toAbsolutePath().toString());
        }
        assertThat(file).exists();
    }

    @Test
    void aJdbcUrlOfAnotherDatabaseOrNothingIsBadInput() {
        assertThatThrownBy(() -> StoreBackend.open("jdbc:mysql://db/baton?password=hunter2", Optional.empty()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> StoreBackend.open(" ", Optional.empty())).isInstanceOf(InvalidSettingException.class);
    }
}
