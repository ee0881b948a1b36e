package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link RecordingSpend} does, whichever database keeps it; each backend's test extends this. */
abstract class RecordingSpendContract extends StoreBackendFixture {

    private static final String RECORDING = "/runs/mine.jsonl";

    @Test
    void aRecordingNeverRunHasSpentNothing() {
        RecordingSpend spend = open().recordingSpend();

        assertThat(spend.balance(RECORDING)).isEqualTo(RecordingSpend.Balance.NONE);
        assertThat(spend.resume(RECORDING)).isEqualTo(RecordingSpend.Balance.NONE);
        assertThat(spend.balance(RECORDING)).isEqualTo(RecordingSpend.Balance.NONE);
    }

    @Test
    void holdsAndSettlementsAddUpAndRecordingsKeepApart() {
        RecordingSpend spend = open().recordingSpend();

        spend.hold(RECORDING, 0.5);
        spend.hold(RECORDING, 0.25);
        spend.settle(RECORDING, 0.5, 0.125);
        spend.hold("/runs/other.jsonl", 1);

        assertThat(spend.balance(RECORDING)).isEqualTo(new RecordingSpend.Balance(0.125, 0.25));
        assertThat(spend.balance("/runs/other.jsonl")).isEqualTo(new RecordingSpend.Balance(0, 1));
    }

    /** A process that died during calls left their holds; the next run counts them as spent, since they may have been billed. */
    @Test
    void holdsLeftByARunThatDiedCountAsSpentWhenTheRecordingResumes() {
        RecordingSpend died = open().recordingSpend();
        died.hold(RECORDING, 0.5);
        died.settle(RECORDING, 0.5, 0.125);
        died.hold(RECORDING, 0.25); // in flight when the process was killed

        RecordingSpend next = open().recordingSpend();
        assertThat(next.resume(RECORDING)).isEqualTo(new RecordingSpend.Balance(0.125, 0.25));

        assertThat(next.balance(RECORDING)).isEqualTo(new RecordingSpend.Balance(0.375, 0));
        assertThat(next.resume(RECORDING)).isEqualTo(new RecordingSpend.Balance(0.375, 0));
    }

    @Test
    void theLedgerOfARecordingKeepsItsHoldsAndSettlements() {
        RecordingSpend spend = open().recordingSpend();

        var ledger = spend.ledger(RECORDING);
        ledger.hold(0.5);
        ledger.settle(0.5, 0.25);

        assertThat(spend.balance(RECORDING)).isEqualTo(new RecordingSpend.Balance(0.25, 0));
    }

    /** Calls in flight at once, in two processes or replicas, hold and settle concurrently; no amount may be lost. */
    @Test
    void concurrentHoldsAndSettlementsLoseNothing() throws Exception {
        List<StoreBackend> replicas = List.of(open(), open());
        int callsPerWriter = 25;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                RecordingSpend spend = replicas.get(i % 2).recordingSpend();
                writers.add(threads.submit(() -> {
                    go.await();
                    for (int n = 0; n < callsPerWriter; n++) {
                        spend.hold(RECORDING, 0.5);
                        spend.settle(RECORDING, 0.5, 0.25);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(); // rethrows any writer's failure
            }
        }

        RecordingSpend.Balance balance = replicas.getFirst().recordingSpend().balance(RECORDING);
        assertThat(balance.spentUsd()).isCloseTo(4 * callsPerWriter * 0.25, within(1e-9));
        assertThat(balance.heldUsd()).isCloseTo(0, within(1e-9));
    }
}
