package dev.baton.store;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The recording spend contract on the embedded SQLite file. */
class SqliteRecordingSpendTest extends RecordingSpendContract {

    @TempDir
    Path dir;

    @Override
    protected StoreBackend openBackend() {
        return StoreBackend.open(dir.resolve("baton.db").toString(), Optional.empty());
    }
}
