package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
    void refusesUseAfterClose() {
        Store store = Store.inMemory();
        store.close();
        store.close();

        assertThatThrownBy(() -> store.embeddings().count("any"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }
}
