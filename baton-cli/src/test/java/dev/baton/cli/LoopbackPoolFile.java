package dev.baton.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pool file whose workers are OpenAI-compatible models of one server on loopback, each named as its model, with the
 * key in {@code BATON_TEST_KEY}, $1/$2 per million tokens and 256 output tokens a call.
 */
final class LoopbackPoolFile {

    /** The environment variable the workers read their key from. */
    static final String KEY_VARIABLE = "BATON_TEST_KEY";

    private LoopbackPoolFile() {
    }

    /** Writes the pool as {@code pool.yaml} in {@code dir} (replacing an earlier one) and returns the file. */
    static Path write(Path dir, int port, String... workers) throws IOException {
        StringBuilder yaml = new StringBuilder("workers:\n");
        for (String worker : workers) {
            yaml.append("  - id: ").append(worker).append('\n')
                    .append("    provider: openai\n")
                    .append("    model: ").append(worker).append('\n')
                    .append("    base_url: http://127.0.0.1:").append(port).append("/v1\n")
                    .append("    api_key_env: ").append(KEY_VARIABLE).append('\n')
                    .append("    price: {input: 1, output: 2}\n")
                    .append("    max_output_tokens: 256\n")
                    .append("    timeout: 10s\n")
                    .append("    description: ").append(worker).append(" on loopback\n");
        }
        return Files.writeString(dir.resolve("pool.yaml"), yaml);
    }
}
