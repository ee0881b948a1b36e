package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceIdsTest {

    @Test
    void idsSortAsTheirTracesWereCreatedSoTheStoreAppendsThem() {
        Instant start = Instant.parse("2026-12-07T21:00:00Z");
        List<String> ids = new ArrayList<>();
        for (long millis : new long[] {0, 1, 15, 16, 4_095, 4_096, 86_400_000L, 10L * 365 * 86_400_000L}) {
            ids.add(TraceIds.next("chatcmpl-", start.plusMillis(millis)));
        }

        assertThat(ids).isSorted();
        assertThat(ids).allSatisfy(id -> assertThat(id).matches("chatcmpl-[0-9a-f]{27}"));
    }

    @Test
    void idsMadeAtTheSameMomentDifferInTheirRandomPart() {
        Instant now = Instant.now();
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(TraceIds.next("reward-", now));
        }

        assertThat(ids).hasSize(1_000);
        assertThat(ids).allSatisfy(id -> assertThat(id).startsWith("reward-").hasSize("reward-".length() + 27));
    }
}
