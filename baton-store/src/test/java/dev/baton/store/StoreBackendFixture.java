package dev.baton.store;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * What a backend's contract tests share: {@link #open()} gives another connection to one store per test (another
 * replica, for PostgreSQL; another process's handle, for a SQLite file), and every store opened is closed after the test.
 */
abstract class StoreBackendFixture {

    private final List<StoreBackend> opened = new ArrayList<>();

    /** Opens the test's store afresh; the first call creates it empty. */
    protected abstract StoreBackend openBackend();

    /** Called after every store opened is closed: drop what the test created. */
    protected void cleanUp() {
    }

    final StoreBackend open() {
        StoreBackend store = openBackend();
        opened.add(store);
        return store;
    }

    @AfterEach
    final void closeStores() {
        try {
            opened.forEach(StoreBackend::close);
        } finally {
            cleanUp();
        }
    }
}
