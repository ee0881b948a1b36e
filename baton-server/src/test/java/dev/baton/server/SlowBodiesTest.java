package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.fixtures.ScriptedWorker;
import dev.baton.pool.Pool;
import dev.baton.wiring.LoadedPool;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their body slowly (a byte now and then, forever) cannot hold the server's request slots: a body
 * is read whole, within a deadline, before its request takes a slot, and one that misses the deadline is answered 408.
 */
class SlowBodiesTest {

    private static final int SLOTS = 2;
    private static final Duration PAUSE = Duration.ofSeconds(1);

    @Test
    void slowBodiesAreRefusedWith408AndNeverKeepOtherRequestsOut() throws Exception {
        LoadedPool pool = new LoadedPool(Pool.of(List.of(ScriptedWorker.answering("w", "42"))), Optional.empty(), Map.of());
        ServerSettings settings = ServerSettings.loopback(0).withLimits(ServerLimits.defaults()
                .withMaxConcurrent(SLOTS).withBodyTimeout(Duration.ofSeconds(1)));
        String body = ServerFixture.chat("solo:w", "What is 6 * 7?");
        List<TricklingClient> slow = new ArrayList<>();
        try (ServerFixture server = new ServerFixture(pool, settings, List.of("solo:w"))) {
            int port = server.server.port();
            // Twice as many slow clients as slots at a byte a second, each needing over a minute to finish its body; one of
            // them chunked, one on the reward route, which shares the slots.
            for (int i = 0; i < 2 * SLOTS; i++) {
                String path = i == 3 ? RewardRoutes.REWARDS : "/v1/chat/completions";
                slow.add(TricklingClient.post(port, path, body, i == 2, PAUSE));
            }
            // Lets the server see every slow client's headers and first bytes before the normal request comes.
            Thread.sleep(500);

            HttpResponse<String> normal = server.post("/v1/chat/completions", body);

            assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
            assertThat(ServerFixture.json(normal).at("/choices/0/message/content").asText()).isEqualTo("42");
            long started = System.nanoTime();
            for (TricklingClient client : slow) {
                TricklingClient.Answer answer = client.answer();
                assertThat(answer.status()).as(answer.body()).isEqualTo(408);
                assertThat(ServerFixture.JSON.readTree(answer.body()).at("/error/code").asText()).isEqualTo("request_timeout");
                assertThat(client.closedByServer()).as("the rest of a late body is not waited for").isTrue();
            }
            // The deadline, not the end of the bodies (a minute away), ended them; bound generous for a loaded machine.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(server.post("/v1/chat/completions", body).statusCode()).as("every slot is free").isEqualTo(200);
        } finally {
            slow.forEach(TricklingClient::close);
        }
    }

    @Test
    void aBodySentWithinTheDeadlineIsAnswered() {
        LoadedPool pool = new LoadedPool(Pool.of(List.of(ScriptedWorker.answering("w", "42"))), Optional.empty(), Map.of());
        ServerSettings settings = ServerSettings.loopback(0).withLimits(ServerLimits.defaults()
                .withBodyTimeout(Duration.ofSeconds(30)));
        String body = ServerFixture.chat("solo:w", "What is 6 * 7?");
        try (ServerFixture server = new ServerFixture(pool, settings, List.of("solo:w"));
             TricklingClient slowButInTime = TricklingClient.post(server.server.port(), "/v1/chat/completions", body,
                     false, Duration.ofMillis(5))) {
            TricklingClient.Answer answer = slowButInTime.answer();

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("42");
        }
    }

    @Test
    void theBodyDeadlineMustBePositive() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ServerLimits.defaults().withBodyTimeout(Duration.ZERO))
                .withMessageContaining("bodyTimeout");
    }
}
