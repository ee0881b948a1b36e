package dev.baton.store;

import org.junit.jupiter.api.BeforeEach;

/** The recording spend contract on PostgreSQL, each test in an empty schema of the test server. */
class PostgresRecordingSpendTest extends RecordingSpendContract {

    private PostgresTestDatabase database;

    @BeforeEach
    void createSchema() {
        database = PostgresTestDatabase.create();
    }

    @Override
    protected StoreBackend openBackend() {
        return database.open();
    }

    @Override
    protected void cleanUp() {
        if (database != null) { // null when no test database is configured and the test was skipped
            database.close();
        }
    }
}
