package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ResponseCacheFailuresTest {

    @Test
    void countsEveryFailureAndPassesOnlyTheFirstOnEvenWhenCallsFailAtOnce() throws Exception {
        List<String> told = new ArrayList<>();
        ResponseCacheFailures failures = new ResponseCacheFailures((operation, e) -> {
            synchronized (told) {
                told.add(operation + " " + e.getMessage());
            }
        });
        assertThat(failures.first()).isEmpty();

        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                String message = "failure " + i;
                threads.submit(() -> {
                    go.await();
                    failures.failed(ResponseCacheInterceptor.Operation.WRITE, new StoreException(message));
                    return null;
                });
            }
            go.countDown();
        }

        assertThat(failures.count()).isEqualTo(40);
        assertThat(told).hasSize(1).first().asString().startsWith("WRITE failure ");
        assertThat(told.getFirst()).endsWith(failures.first().orElseThrow().exception().getMessage());
    }
}
