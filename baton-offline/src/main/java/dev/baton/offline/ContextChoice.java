package dev.baton.offline;

/**
 * What a replayed step that sees earlier answers gives, as the {@link ContextModel} decides: its own recorded answer, one
 * of the visible ones, or the right answer none of them gave (a measured correction, replayed as the gold answer).
 */
public sealed interface ContextChoice permits ContextChoice.Own, ContextChoice.Peer, ContextChoice.Corrected {

    /** Its own answer, as it gave it alone. */
    record Own() implements ContextChoice {
    }

    /** The visible answer at {@code index}, in step order. */
    record Peer(int index) implements ContextChoice {
        public Peer {
            if (index < 0) {
                throw new IllegalArgumentException("a visible answer's index is not negative: " + index);
            }
        }
    }

    /** The right answer, which neither it nor any step it saw gave. */
    record Corrected() implements ContextChoice {
    }
}
