package dev.baton.bench.serve;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Where a gateway benchmark sends a chat completion that the upstream should answer after a given delay. */
interface Target {

    /** Returns the name the benchmark's tables give this target. */
    String name();

    /**
     * Returns a request whose answer the upstream delays by {@code delay}, asking a question made distinct by
     * {@code label} (so that no response cache ever answers it).
     */
    HttpRequest request(Duration delay, String label);

    /** Returns the body of a chat completion asking {@code model} a one-line question made distinct by {@code label}. */
    static byte[] body(String model, String label) {
        return ("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"What is six times seven? (" + label + ")\"}]}").getBytes(StandardCharsets.UTF_8);
    }
}
