package dev.baton.store;

import static dev.baton.store.ResponseCacheContract.reply;
import static dev.baton.store.ResponseCacheContract.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's response cache, queued in front of the SQLite store. */
class QueuedResponseCacheTest {

    @TempDir
    Path dir;

    @Test
    void aQueuedReplyIsFoundAtOnceAndIsInTheStoreOnceClosed() {
        try (Store store = Store.open(dir.resolve("baton.db"))) {
            try (QueuedResponseCache queued = new QueuedResponseCache(store.responses(), ResponseCacheInterceptor.Listener.IGNORE)) {
                assertThat(queued.put("model-a", request("What is 6 * 7?"), reply("42"))).isTrue();
                assertThat(queued.get("model-a", request("What is 6 * 7?")))
                        .hasValueSatisfying(hit -> assertThat(hit.text()).isEqualTo("42"));
            }
        }
        try (Store reopened = Store.open(dir.resolve("baton.db"))) {
            assertThat(reopened.responses().get("model-a", request("What is 6 * 7?")))
                    .hasValueSatisfying(hit -> assertThat(hit.text()).isEqualTo("42"));
        }
    }

    @Test
    void theFirstReplyForACallStaysWhileQueuedAndAfter() {
        try (Store store = Store.open(dir.resolve("baton.db"));
             QueuedResponseCache queued = new QueuedResponseCache(store.responses(), ResponseCacheInterceptor.Listener.IGNORE)) {
            assertThat(queued.put("model-a", request("What is 6 * 7?"), reply("42"))).isTrue();
            queued.put("model-a", request("What is 6 * 7?"), reply("41"));

            assertThat(queued.get("model-a", request("What is 6 * 7?"))).hasValueSatisfying(hit -> assertThat(hit.text()).isEqualTo("42"));
            assertThat(queued.count()).isEqualTo(1);
            assertThat(store.responses().get("model-a", request("What is 6 * 7?")))
                    .hasValueSatisfying(hit -> assertThat(hit.text()).isEqualTo("42"));
        }
    }

    @Test
    void aReplyTheStoreRefusesLaterIsToldAsAFailedWrite() throws Exception {
        Path file = dir.resolve("baton.db");
        Store.open(file).close();
        StoreFaults.refuseWrites(file, "response_cache");
        List<ResponseCacheInterceptor.Operation> failed = new CopyOnWriteArrayList<>();
        try (Store store = Store.open(file);
             QueuedResponseCache queued = new QueuedResponseCache(store.responses(), (operation, failure) -> failed.add(operation))) {
            assertThat(queued.put("model-a", request("What is 6 * 7?"), reply("42"))).isTrue();
        }
        assertThat(failed).containsExactly(ResponseCacheInterceptor.Operation.WRITE);
    }

    @Test
    void countAndReplaceSeeEveryReplyQueuedBeforeThem() {
        try (Store store = Store.open(dir.resolve("baton.db"));
             QueuedResponseCache queued = new QueuedResponseCache(store.responses(), ResponseCacheInterceptor.Listener.IGNORE)) {
            for (int i = 0; i < 200; i++) {
                queued.put("model-a", request("What is 6 * " + i + "?"), reply(Integer.toString(6 * i)));
            }
            queued.replace("model-a", request("What is 6 * 7?"), reply("forty-two"));

            assertThat(queued.count()).isEqualTo(200);
            assertThat(queued.get("model-a", request("What is 6 * 7?")))
                    .hasValueSatisfying(hit -> assertThat(hit.text()).isEqualTo("forty-two"));
        }
    }
}
