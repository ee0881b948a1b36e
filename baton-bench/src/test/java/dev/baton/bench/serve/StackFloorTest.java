package dev.baton.bench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The floors the gateway benchmark measures Baton against reach the upstream and bring its answer back. */
class StackFloorTest {

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "javalin", "langchain4j"})
    void answersWithTheUpstreamsReply(String stack) throws Exception {
        try (StubUpstream upstream = new StubUpstream(Duration.ZERO);
             HttpClient http = HttpClient.newHttpClient();
             StackFloor.Started floor = StackFloor.start(stack, 0, upstream.port())) {
            HttpResponse<String> response = http.send(ServeLoad.post(
                    URI.create("http://127.0.0.1:" + floor.port() + "/d/5/v1/chat/completions"),
                    Target.body("stub", "floor test"), Map.of()), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"content\":\"The answer is 42.\"");
        }
    }

    @Test
    void refusesAStackItDoesNotKnow() {
        assertThatThrownBy(() -> StackFloor.start("spring", 0, 1)).hasMessageContaining("no floor for spring");
    }
}
