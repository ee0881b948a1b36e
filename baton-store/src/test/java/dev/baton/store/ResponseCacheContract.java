package dev.baton.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Reply;
import dev.baton.worker.TaskRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link ResponseCache} does, whichever database keeps it; each backend's test extends this. */
abstract class ResponseCacheContract extends StoreBackendFixture {

    private static final CallRequest SIX_TIMES_SEVEN = request("What is 6 * 7?");

    static CallRequest request(String question) {
        return new CallRequest(TaskRef.of(Task.of("t1", question, "42", AnswerType.NUMBER)), List.of(ChatMessage.user(question)),
                CallOptions.defaults().withTemperature(0.0));
    }

    static Reply reply(String text) {
        return new Reply(text, 12, 34, 0.00056, Duration.ofMillis(780));
    }

    @Test
    void missesUntilAReplyIsCachedThenGivesItsTextAndTokens() {
        ResponseCache cache = open().responses();
        assertThat(cache.get("model-a", SIX_TIMES_SEVEN)).isEmpty();

        assertThat(cache.put("model-a", SIX_TIMES_SEVEN, reply("42"))).isTrue();

        assertThat(cache.get("model-a", SIX_TIMES_SEVEN)).hasValueSatisfying(hit -> {
            assertThat(hit.text()).isEqualTo("42");
            assertThat(hit.inputTokens()).isEqualTo(12);
            assertThat(hit.outputTokens()).isEqualTo(34);
            assertThat(hit.originalCostUsd()).isEqualTo(0.00056);
        });
        assertThat(cache.count()).isEqualTo(1);
    }

    @Test
    void replyWhoseUsageWasEstimatedIsGivenBackMarkedEstimated() {
        ResponseCache cache = open().responses();
        cache.put("model-a", SIX_TIMES_SEVEN, new Reply("42", 4, 1, 0.00002, Duration.ofMillis(780), true));
        cache.put("model-a", request("What is 6 * 8?"), reply("48"));

        assertThat(cache.get("model-a", SIX_TIMES_SEVEN)).hasValueSatisfying(hit -> {
            assertThat(hit.usageEstimated()).isTrue();
            assertThat(hit.asReply().usageEstimated()).isTrue();
            assertThat(hit.asReply().costUsd()).isZero();
        });
        assertThat(cache.get("model-a", request("What is 6 * 8?"))).get().extracting(CachedResponse::usageEstimated)
                .isEqualTo(false);
    }

    @Test
    void anotherModelOrQuestionMisses() {
        ResponseCache cache = open().responses();
        cache.put("model-a", SIX_TIMES_SEVEN, reply("42"));

        assertThat(cache.get("model-b", SIX_TIMES_SEVEN)).isEmpty();
        assertThat(cache.get("model-a", request("What is 6 * 8?"))).isEmpty();
    }

    @Test
    void theFirstReplyCachedStaysUnlessReplaced() {
        ResponseCache cache = open().responses();
        cache.put("model-a", SIX_TIMES_SEVEN, reply("42"));

        assertThat(cache.put("model-a", SIX_TIMES_SEVEN, reply("forty-two"))).isFalse();
        assertThat(cache.get("model-a", SIX_TIMES_SEVEN)).get().extracting(CachedResponse::text).isEqualTo("42");

        cache.replace("model-a", SIX_TIMES_SEVEN, reply("forty-two"));
        assertThat(cache.get("model-a", SIX_TIMES_SEVEN)).get().extracting(CachedResponse::text).isEqualTo("forty-two");
        assertThat(cache.count()).isEqualTo(1);
    }

    @Test
    void aReplyCachedThroughOneConnectionIsFoundThroughAnother() {
        StoreBackend one = open();
        StoreBackend other = open();
        one.responses().put("model-a", SIX_TIMES_SEVEN, reply("42"));

        assertThat(other.responses().get("model-a", SIX_TIMES_SEVEN)).get().extracting(CachedResponse::text).isEqualTo("42");
    }

    /** Two replicas answering the same call at once both cache it; neither may fail, and one row is left. */
    @Test
    void replicasCachingTheSameCallAtOnceNeitherFail() throws Exception {
        List<StoreBackend> replicas = List.of(open(), open());
        int writesPerReplica = 20;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> written = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                ResponseCache cache = replicas.get(i % 2).responses();
                boolean replacing = i >= 2;
                String text = "reply of writer " + i;
                written.add(threads.submit(() -> {
                    go.await();
                    int kept = 0;
                    for (int n = 0; n < writesPerReplica; n++) {
                        if (replacing) {
                            cache.replace("model-a", SIX_TIMES_SEVEN, reply(text));
                        } else if (cache.put("model-a", SIX_TIMES_SEVEN, reply(text))) {
                            kept++;
                        }
                    }
                    return kept;
                }));
            }
            go.countDown();
            int firstWrites = 0;
            for (Future<Integer> writer : written) {
                firstWrites += writer.get(); // rethrows any writer's failure
            }
            assertThat(firstWrites).isLessThanOrEqualTo(1);
        }

        assertThat(replicas.get(0).responses().count()).isEqualTo(1);
        assertThat(replicas.get(1).responses().get("model-a", SIX_TIMES_SEVEN)).get().extracting(CachedResponse::text)
                .asString().startsWith("reply of writer ");
    }

    @Test
    void aBatchCachesEachCallUnlessAReplyIsCachedForIt() {
        ResponseCache cache = open().responses();
        cache.put("model-a", SIX_TIMES_SEVEN, reply("42"));

        cache.putAll(List.of(new ResponseCache.Entry("model-a", SIX_TIMES_SEVEN, reply("41")),
                new ResponseCache.Entry("model-a", request("What is 6 * 8?"), reply("48"))));

        assertThat(cache.get("model-a", SIX_TIMES_SEVEN)).hasValueSatisfying(hit -> assertThat(hit.text()).isEqualTo("42"));
        assertThat(cache.get("model-a", request("What is 6 * 8?"))).hasValueSatisfying(hit -> assertThat(hit.text()).isEqualTo("48"));
        assertThat(cache.count()).isEqualTo(2);
    }

    @Test
    void keepsLargeCountsAndLongText() {
        ResponseCache cache = open().responses();
        String text = "x".repeat(200_000);
        cache.put("model-a", SIX_TIMES_SEVEN, new Reply(text, 5_000_000_000L, 3_000_000_000L, 12.5, Duration.ZERO));

        assertThat(cache.get("model-a", SIX_TIMES_SEVEN)).hasValueSatisfying(hit -> {
            assertThat(hit.text()).hasSize(200_000);
            assertThat(hit.inputTokens()).isEqualTo(5_000_000_000L);
            assertThat(hit.outputTokens()).isEqualTo(3_000_000_000L);
        });
    }
}
