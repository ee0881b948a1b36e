package dev.baton.store;

import dev.baton.execute.SpendingCap;
import java.util.Objects;

/**
 * What each recording has spent, kept beside the cached replies, so that a recording killed midway and started again
 * counts what it already paid for against its cap. A recording is named by its caller (the {@code record} command uses
 * the output file's absolute path).
 *
 * <p>A call's worst case is {@linkplain #hold held} before the call and {@linkplain #settle settled} to what it cost
 * after, each one statement in one transaction; so if the process dies during calls, their holds stay, and the next
 * run counts them as spent ({@link #resume}): a cap on the recording holds however often it is killed, erring only
 * towards spending less. Implementations are safe to use from many threads at once.
 *
 * <pre>{@code
 * RecordingSpend.Balance before = store.recordingSpend().resume(recording);
 * SpendingCap cap = new SpendingCap(maxUsd, before.spentUsd(), store.recordingSpend().ledger(recording));
 * }</pre>
 */
public interface RecordingSpend {

    /**
     * What a recording has spent.
     *
     * @param spentUsd what settled calls cost
     * @param heldUsd  the worst cases held for calls not settled: in flight, or lost with a process that died
     */
    record Balance(double spentUsd, double heldUsd) {

        /** A recording nothing was spent on. */
        public static final Balance NONE = new Balance(0, 0);

        public Balance {
            if (!(spentUsd >= 0) || !(heldUsd >= 0) || Double.isInfinite(spentUsd) || Double.isInfinite(heldUsd)) {
                throw new IllegalArgumentException("a balance is finite and not negative: spent " + spentUsd + ", held " + heldUsd);
            }
        }

        /** Returns spent and held together: what the recording may have cost. */
        public double totalUsd() {
            return spentUsd + heldUsd;
        }
    }

    /**
     * Returns what {@code recording} has spent and holds; {@link Balance#NONE} for one never recorded.
     *
     * @throws StoreException when the store cannot be read
     */
    Balance balance(String recording);

    /**
     * Starts a run of {@code recording}: counts every hold left by earlier runs as spent (whoever held them is gone;
     * call this only while holding the recording's lock) and returns the balance as it was.
     *
     * @throws StoreException when the store cannot be read or written
     */
    Balance resume(String recording);

    /**
     * Holds {@code usd} for a call about to start.
     *
     * @throws StoreException when the store cannot be written
     */
    void hold(String recording, double usd);

    /**
     * Replaces a hold of {@code heldUsd} with what the call cost, {@code spentUsd}.
     *
     * @throws StoreException when the store cannot be written
     */
    void settle(String recording, double heldUsd, double spentUsd);

    /** Returns the {@link SpendingCap.Ledger} that keeps {@code recording}'s spending here. */
    default SpendingCap.Ledger ledger(String recording) {
        Objects.requireNonNull(recording, "recording");
        return new SpendingCap.Ledger() {
            @Override
            public void hold(double usd) {
                RecordingSpend.this.hold(recording, usd);
            }

            @Override
            public void settle(double heldUsd, double spentUsd) {
                RecordingSpend.this.settle(recording, heldUsd, spentUsd);
            }
        };
    }
}
