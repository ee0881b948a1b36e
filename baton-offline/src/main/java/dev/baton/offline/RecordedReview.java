package dev.baton.offline;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What one real model answered to one question when it saw other models' answers to it: {@code baton record --reviews}
 * asked it as a workflow's aggregating step that sees the peers' solo replies (their recorded {@code responses}).
 *
 * @param worker the model that reviewed
 * @param saw    the models whose recorded solo replies it saw, in the order it saw them; never itself, no repeats
 * @param reply  what it answered, with the tokens billed
 */
public record RecordedReview(String worker, List<String> saw, RecordedReply reply) {

    public RecordedReview {
        Objects.requireNonNull(worker, "worker");
        saw = List.copyOf(saw);
        Objects.requireNonNull(reply, "reply");
        if (saw.isEmpty()) {
            throw new IllegalArgumentException("a review sees at least one peer");
        }
        if (saw.contains(worker) || new HashSet<>(saw).size() != saw.size()) {
            throw new IllegalArgumentException("a review sees other workers, each once: " + worker + " saw " + saw);
        }
    }
}
