package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.store.DamagedStoreFile;
import dev.baton.store.Store;
import dev.baton.store.StoreException;
import dev.baton.wiring.LoadedPool;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that fails while the server runs (damaged on disk, or gone): the API answers 500 in its error JSON, the
 * viewer answers with a page, and every such failure reaches the server's log with its cause.
 */
class StoreFailuresTest {

    /** Held here: the logging framework keeps loggers only weakly, and a collected one would lose the handler. */
    private static final Logger SERVER_LOG = Logger.getLogger("dev.baton.server");

    @TempDir
    Path dir;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheServerLog() {
        SERVER_LOG.addHandler(capture);
    }

    @AfterEach
    void releaseTheServerLog() {
        SERVER_LOG.removeHandler(capture);
    }

    private static LoadedPool pool() {
        return new LoadedPool(Pool.of(List.of(ScriptedWorker.answering("w", "42"))), Optional.empty(), Map.of());
    }

    @Test
    void aDamagedStoreIsA500WithItsCauseLogged() {
        Path file = DamagedStoreFile.write(dir.resolve("damaged.db"));
        try (Store store = Store.open(file);
             ServerFixture client = new ServerFixture(pool(), ServerSettings.loopback(0), List.of("solo:w"), store.traces())) {
            HttpResponse<String> api = client.get("/v1/traces?limit=" + DamagedStoreFile.TRACES);

            assertThat(api.statusCode()).as(api.body()).isEqualTo(500);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(ServerFixture.json(api).at("/error/type").asText()).isEqualTo("server_error");
            assertThat(api.body()).doesNotContain(file.toString());
            assertLogged("GET /v1/traces");
        }
    }

    @Test
    void aStoreGoneAfterStartIsA500InTheApiAPageInTheViewerAndLoggedEveryTime() {
        Store store = Store.open(dir.resolve("baton.db"));
        try (ServerFixture client = new ServerFixture(pool(), ServerSettings.loopback(0), List.of("solo:w"), store.traces())) {
            store.close();

            assertThat(client.get("/v1/traces").statusCode()).isEqualTo(500);
            assertThat(client.get("/v1/traces/chatcmpl-1").statusCode()).isEqualTo(500);
            assertIsAnErrorPage(client.get("/ui"), 500);
            assertIsAnErrorPage(client.get("/ui/traces/chatcmpl-1"), 500);
            assertLogged("GET /v1/traces", "GET /v1/traces/chatcmpl-1", "GET /ui", "GET /ui/traces/chatcmpl-1");
        }
    }

    @Test
    void anUnknownViewerAddressIsANotFoundPage() {
        try (ServerFixture client = new ServerFixture(pool(), ServerSettings.loopback(0), List.of("solo:w"))) {
            assertIsAnErrorPage(client.get("/ui/nothing/here"), 404);
            assertThat(logged).as("a 404 is not the server's failure").isEmpty();
        }
    }

    private static void assertIsAnErrorPage(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains(Integer.toString(status))
                .contains("href=\"/ui\"").doesNotContain("\"error\"");
    }

    private void assertLogged(String... requests) {
        assertThat(logged).hasSize(requests.length);
        for (int i = 0; i < requests.length; i++) {
            LogRecord record = logged.get(i);
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getMessage()).contains(requests[i] + " answered 500");
            assertThat(record.getThrown()).isInstanceOf(StoreException.class);
        }
    }
}
