package dev.baton.server;

import dev.baton.wiring.LoadedPool;
import dev.baton.worker.Price;
import dev.baton.worker.WorkerCard;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a pool file whose workers are this server's gateway models: one {@code openai} worker per pool worker, its
 * {@code model} the worker's id, its {@code base_url} the server's, its price the pool's own. Another Baton given this
 * file calls every worker through the server and prices each call as the server's pool does, so a replay pool served
 * on loopback and evaluated through the file gives the in-process replay table exactly
 * ({@code baton serve --pool replay --write-pool gateway.yaml}, then {@code baton eval --pool gateway.yaml}).
 */
public final class GatewayPoolFile {

    /** Calls a client may make to one gateway worker at once; the server's own limit is the real bound. */
    static final int CONCURRENCY = 64;

    private GatewayPoolFile() {
    }

    /**
     * Returns the pool file's YAML.
     *
     * @param baseUrl   the server's base URL, for example {@code http://127.0.0.1:8080/v1}
     * @param apiKeyEnv the name of the variable a client reads its key from, when the server asks for one
     */
    public static String yaml(LoadedPool loaded, String baseUrl, Optional<String> apiKeyEnv) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        StringBuilder out = new StringBuilder();
        out.append("# The gateway workers of baton serve at ").append(baseUrl).append(", priced as its pool prices them.\n");
        out.append("workers:\n");
        for (WorkerCard card : loaded.pool().cards()) {
            out.append("  - id: ").append(Json.write(card.id())).append('\n');
            out.append("    provider: openai\n");
            out.append("    model: ").append(Json.write(card.id())).append('\n');
            out.append("    base_url: ").append(Json.write(baseUrl)).append('\n');
            apiKeyEnv.ifPresent(name -> out.append("    api_key_env: ").append(name).append('\n'));
            Price price = card.price();
            // Plain decimals of the shortest text that reads back as the same double: costs then agree to the bit.
            out.append("    price: {input: ").append(decimal(price.inputUsdPerMillion())).append(", output: ")
                    .append(decimal(price.outputUsdPerMillion())).append("}\n");
            out.append("    timeout: 300s\n");
            out.append("    concurrency: ").append(CONCURRENCY).append('\n');
            if (!card.description().isBlank()) {
                out.append("    description: ").append(Json.write(card.description())).append('\n');
            }
        }
        return out.toString();
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }
}
