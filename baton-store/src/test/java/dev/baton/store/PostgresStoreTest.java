package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening, migrating and failing to reach the PostgreSQL store, against a real server. */
class PostgresStoreTest {

    private PostgresTestDatabase database;

    @BeforeEach
    void createSchema() {
        database = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    private int schemaVersion() throws Exception {
        Properties properties = new Properties();
        database.password().ifPresent(p -> properties.setProperty("password", p));
        try (Connection connection = DriverManager.getConnection(database.url(), properties);
             Statement statement = connection.createStatement()) {
            return Schema.readVersion(statement);
        }
    }

    @Test
    void createsTheSchemaAtTheVersionSqliteHas() throws Exception {
        try (StoreBackend store = database.open()) {
            assertThat(store).isInstanceOf(PostgresStore.class);
            assertThat(store.responses().count()).isZero();
        }
        assertThat(schemaVersion()).isEqualTo(Schema.CURRENT_VERSION).isEqualTo(5);
    }

    @Test
    void upgradesAVersionTwoDatabaseKeepingItsReplies() throws Exception {
        database.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
        for (String sql : ResponseCacheTable.CREATE_TABLES_POSTGRES) {
            database.execute(sql);
        }
        database.execute("INSERT INTO schema_version VALUES (2)");
        database.execute("INSERT INTO response_cache VALUES ('\\x00', 'm', 'kept', 1, 2, 0.5, 0)");

        try (StoreBackend store = database.open()) {
            assertThat(store.responses().count()).isEqualTo(1);
            assertThat(store.traces().recent(5)).isEmpty();
        }
        assertThat(schemaVersion()).isEqualTo(5);
    }

    @Test
    void replicasStartingTogetherMigrateOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<StoreBackend>> opening = new ArrayList<>();
        List<StoreBackend> opened = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                opening.add(threads.submit(() -> {
                    go.await();
                    return database.open();
                }));
            }
            go.countDown();
            for (Future<StoreBackend> store : opening) {
                opened.add(store.get()); // rethrows a replica's failure to migrate
            }
        } finally {
            opened.forEach(StoreBackend::close);
        }
        assertThat(opened).hasSize(4);
        assertThat(schemaVersion()).isEqualTo(5);
    }

    @Test
    void rejectsASchemaFromANewerBaton() {
        database.open().close();
        database.execute("UPDATE schema_version SET version = " + (Schema.CURRENT_VERSION + 1));

        assertThatThrownBy(database::open).isInstanceOf(StoreException.class).hasMessageContaining("newer Baton");
    }

    @Test
    void aWrongPasswordIsAStoreErrorThatNeverShowsAPassword() {
        assertThatThrownBy(() -> StoreBackend.open(database.url(), Optional.of("not-the-password-123")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect")
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("not-the-password-123");
    }

    @Test
    void aPasswordInTheUrlIsBlankedWhereverTheLocationIsShown() {
        String secret = database.password().orElse("no-password-set");
        try (StoreBackend store = StoreBackend.open(database.url() + "&password=" + secret, Optional.empty())) {
            assertThat(store.location()).contains("password=***").doesNotContain(secret);
            store.close();
            assertThatThrownBy(() -> store.traces().recent(1)).hasMessageNotContaining(secret);
        }
    }

    @Test
    void keepsItsEmbeddingsInTheProcessNotInTheSharedDatabase() throws Exception {
        try (StoreBackend store = database.open()) {
            store.embeddings().putAll("enc", java.util.Map.of("q", new float[] {1f, 2f}));
            assertThat(store.embeddings().get("enc", "q")).isPresent();
        }
        Properties properties = new Properties();
        database.password().ifPresent(p -> properties.setProperty("password", p));
        try (Connection connection = DriverManager.getConnection(database.url(), properties);
             ResultSet tables = connection.getMetaData().getTables(null, null, "embedding%", null)) {
            assertThat(tables.next()).isFalse();
        }
    }
}
