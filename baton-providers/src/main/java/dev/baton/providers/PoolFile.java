package dev.baton.providers;

import dev.baton.input.ConfigFileLimit;
import dev.baton.worker.CallOptions;
import dev.baton.worker.Price;
import dev.baton.worker.RateLimits;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pool file: one YAML file declaring live and replay workers side by side.
 *
 * <pre>{@code
 * PoolSpec spec = PoolFile.read(Path.of("pool.yaml"));   // validated, keys not yet looked up
 * Pool pool = spec.build(System.getenv());               // resolves api_key_env, loads replays
 * }</pre>
 *
 * <p>Reading is strict: an unknown or repeated field, a value of the wrong type, a negative or non-finite number
 * ({@code .nan}, {@code .inf}, {@code 1e400}), a repeated worker id or an unknown provider is a
 * {@link PoolFileException} naming file, line and field. A file over {@link ConfigFileLimit#MAX_CHARS} bytes is
 * refused before it is parsed: a pool file lists a few workers.
 */
public final class PoolFile {

    private static final Set<String> COMMON = Set.of("id", "provider", "model", "description");
    private static final Set<String> LIVE = Set.of("base_url", "api_key_env", "price", "max_output_tokens", "temperature",
            "reasoning_effort", "timeout", "concurrency", "max_tokens_field", "rpm", "tpm");
    /** The most requests or tokens a minute a pool file may name: far above any provider's, well inside an int. */
    private static final long MAX_PER_MINUTE = 1_000_000_000;
    private static final Set<String> REPLAY = Set.of("benchmark");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private PoolFile() {
    }

    /**
     * Reads and validates a pool file; API key variables are looked up later, by {@link PoolSpec#build}.
     *
     * @throws PoolFileException            when the file is missing, larger than a pool file can be, or does not follow
     *                                      the schema
     * @throws java.io.UncheckedIOException when it cannot be read
     */
    public static PoolSpec read(Path file) {
        YamlNode root;
        try (Reader in = Files.newBufferedReader(file)) {
            ConfigFileLimit.exceededBy(file, "pool file").ifPresent(why -> {
                throw new PoolFileException(why);
            });
            root = YamlNode.read(file, in);
        } catch (NoSuchFileException e) {
            throw new PoolFileException("pool file not found: " + file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not read pool file " + file + ": " + e.getMessage(), e);
        }
        if (!root.isObject()) {
            throw root.problem("a pool file is a mapping with one key, 'workers', got " + root.describe());
        }
        allowOnly(root, Set.of("workers"));
        YamlNode workers = root.fields().get("workers");
        if (workers == null) {
            throw root.problem("missing 'workers:' (the list of workers)");
        }
        if (!workers.isArray() || workers.items().isEmpty()) {
            throw workers.problem("must be a non-empty list of workers, got " + workers.describe());
        }
        List<WorkerSpec> specs = new ArrayList<>();
        Map<String, YamlNode> entries = new HashMap<>();
        for (YamlNode entry : workers.items()) {
            WorkerSpec spec = worker(entry);
            YamlNode first = entries.putIfAbsent(spec.id(), entry);
            if (first != null) {
                throw entry.fields().get("id").problem("worker id '" + spec.id() + "' is already used by " + first.path()
                        + " (line " + first.line() + ")");
            }
            specs.add(spec);
        }
        return new PoolSpec(file, specs, entries);
    }

    private static WorkerSpec worker(YamlNode entry) {
        if (!entry.isObject()) {
            throw entry.problem("a worker is a mapping of fields (id, provider, model, ...), got " + entry.describe());
        }
        String id = string(entry, "id").orElseThrow(() -> entry.problem("missing 'id'"));
        YamlNode providerNode = entry.fields().get("provider");
        String providerName = string(entry, "provider").orElseThrow(() -> entry.problem("missing 'provider' ("
                + Provider.names() + " or replay)"));
        String model = string(entry, "model").orElseThrow(() -> entry.problem("missing 'model'"));
        if ("replay".equals(providerName)) {
            allowOnly(entry, union(COMMON, REPLAY));
            String benchmark = string(entry, "benchmark").orElseThrow(() -> entry.problem("missing 'benchmark' (gsm8k, math-l5, mmlu-pro or a file)"));
            return new ReplayWorkerSpec(id, benchmark, model, string(entry, "description").orElse(""));
        }
        Provider provider = Provider.named(providerName).orElseThrow(() -> providerNode.problem("unknown provider '"
                + providerName + "': use " + Provider.names() + " or replay"));
        allowOnly(entry, union(COMMON, LIVE));
        URI baseUrl = string(entry, "base_url").map(url -> url(entry.fields().get("base_url"), url)).orElse(provider.defaultBaseUrl());
        Optional<String> keyEnv = string(entry, "api_key_env");
        keyEnv.ifPresent(name -> {
            if (!ENV_NAME.matcher(name).matches()) {
                throw entry.fields().get("api_key_env").problem("must name an environment variable (letters, digits, _), "
                        + "not hold the key itself");
            }
        });
        if (keyEnv.isEmpty() && provider.requiresKey()) {
            throw entry.problem("missing 'api_key_env': " + provider.id() + " needs the name of the variable holding the API key");
        }
        CallOptions defaults = CallOptions.defaults();
        Optional<Long> maxTokens = integer(entry, "max_output_tokens");
        if (maxTokens.isPresent()) {
            if (maxTokens.get() < 1 || maxTokens.get() > Integer.MAX_VALUE) {
                throw entry.fields().get("max_output_tokens").problem("must be a positive integer, got " + maxTokens.get());
            }
            defaults = defaults.withMaxOutputTokens(maxTokens.get().intValue());
        }
        Optional<Double> temperature = number(entry, "temperature");
        if (temperature.isPresent()) {
            if (temperature.get() < 0 || temperature.get() > 2) {
                throw entry.fields().get("temperature").problem("must be between 0 and 2, got " + temperature.get());
            }
            defaults = defaults.withTemperature(temperature.get());
        }
        Optional<String> effort = string(entry, "reasoning_effort");
        if (effort.isPresent()) {
            if (!provider.hasReasoningEffort()) {
                throw entry.fields().get("reasoning_effort").problem(provider.id() + " takes no reasoning effort");
            }
            defaults = defaults.withReasoningEffort(effort.get());
        }
        YamlNode timeoutNode = entry.fields().get("timeout");
        Duration timeout = timeoutNode == null ? LiveWorkerSpec.DEFAULT_TIMEOUT
                : duration(timeoutNode, timeoutNode.isNumber() ? timeoutNode.text() : string(entry, "timeout").orElseThrow());
        long concurrency = integer(entry, "concurrency").orElse((long) LiveWorkerSpec.DEFAULT_CONCURRENCY);
        if (concurrency < 1 || concurrency > 10_000) {
            throw entry.fields().get("concurrency").problem("must be between 1 and 10000, got " + concurrency);
        }
        return new LiveWorkerSpec(id, provider, model, baseUrl, keyEnv, price(entry), defaults, timeout, (int) concurrency,
                string(entry, "description").orElse(provider.id() + " " + model), outputLimitField(entry, provider, model),
                rateLimits(entry));
    }

    /** Reads {@code rpm} and {@code tpm}, the requests and tokens a minute the worker's calls may use. */
    private static RateLimits rateLimits(YamlNode entry) {
        RateLimits limits = RateLimits.NONE;
        Optional<Integer> rpm = perMinute(entry, "rpm", "requests");
        if (rpm.isPresent()) {
            limits = limits.withRequestsPerMinute(rpm.get());
        }
        Optional<Integer> tpm = perMinute(entry, "tpm", "tokens");
        if (tpm.isPresent()) {
            limits = limits.withTokensPerMinute(tpm.get());
        }
        return limits;
    }

    private static Optional<Integer> perMinute(YamlNode entry, String name, String what) {
        return integer(entry, name).map(value -> {
            if (value < 1 || value > MAX_PER_MINUTE) {
                throw entry.fields().get(name).problem("must be a whole number of " + what + " a minute from 1 to "
                        + MAX_PER_MINUTE + ", got " + value);
            }
            return value.intValue();
        });
    }

    /** Reads {@code max_tokens_field}, for an OpenAI model whose name does not tell which field it reads. */
    private static OutputLimitField outputLimitField(YamlNode entry, Provider provider, String model) {
        Optional<String> name = string(entry, "max_tokens_field");
        if (name.isEmpty()) {
            return OutputLimitField.forModel(provider, model);
        }
        YamlNode node = entry.fields().get("max_tokens_field");
        if (provider != Provider.OPENAI) {
            throw node.problem(provider.id() + " has one field for the output limit; max_tokens_field is for openai");
        }
        return OutputLimitField.named(name.get())
                .orElseThrow(() -> node.problem("must be one of " + OutputLimitField.names() + ", got '" + name.get() + "'"));
    }

    private static Price price(YamlNode entry) {
        YamlNode node = entry.fields().get("price");
        if (node == null) {
            throw entry.problem("missing 'price' in USD per million tokens, e.g. {input: 0.15, output: 0.60} "
                    + "({input: 0, output: 0} for a free endpoint)");
        }
        if (!node.isObject()) {
            throw node.problem("must be a mapping {input: USD, output: USD} per million tokens, got " + node.describe());
        }
        allowOnly(node, Set.of("input", "output"));
        double input = number(node, "input").orElseThrow(() -> node.problem("missing 'input' (USD per million prompt tokens)"));
        double output = number(node, "output").orElseThrow(() -> node.problem("missing 'output' (USD per million reply tokens)"));
        for (String side : List.of("input", "output")) {
            double value = side.equals("input") ? input : output;
            YamlNode field = node.fields().get(side);
            if (value < 0) {
                throw field.problem("must not be negative, got " + field.text());
            }
            if (value > Price.MAX_USD_PER_MILLION) {
                throw field.problem("must be at most " + (long) Price.MAX_USD_PER_MILLION + " USD per million tokens, got "
                        + field.text());
            }
        }
        return new Price(input, output);
    }

    private static void allowOnly(YamlNode node, Set<String> allowed) {
        for (YamlNode field : node.fields().values()) {
            String name = field.path().substring(field.path().lastIndexOf('.') + 1);
            if (!allowed.contains(name)) {
                throw field.problem("unknown field; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private static Optional<String> string(YamlNode entry, String name) {
        YamlNode node = entry.fields().get(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isString() || node.text().isBlank()) {
            throw node.problem("must be a non-empty string, got " + node.describe() + (node.isNumber() ? " (quote it)" : ""));
        }
        return Optional.of(node.text().strip());
    }

    private static Optional<Double> number(YamlNode entry, String name) {
        YamlNode node = entry.fields().get(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw node.problem("must be a number, got " + node.describe());
        }
        if (!Double.isFinite(node.number())) {
            throw node.problem("must be a finite number, got " + node.text());
        }
        return Optional.of(node.number());
    }

    private static Optional<Long> integer(YamlNode entry, String name) {
        YamlNode node = entry.fields().get(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isInteger()) {
            throw node.problem("must be a whole number, got " + node.describe());
        }
        if (!DECIMAL.matcher(node.text()).matches()) {
            throw node.problem("must be a whole number in decimal digits, got " + node.text());
        }
        try {
            return Optional.of(Long.parseLong(node.text()));
        } catch (NumberFormatException e) {
            throw node.problem("is out of range: " + node.text());
        }
    }

    private static URI url(YamlNode node, String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw node.problem("must be an absolute http(s) URL such as https://api.openai.com/v1, got '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw node.problem("is not a URL: " + e.getReason());
        }
    }

    private static Duration duration(YamlNode node, String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw node.problem("must be a duration such as 500ms, 60s, 2m, got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        Duration value = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (value.isZero()) {
            throw node.problem("must be positive, got '" + text + "'");
        }
        return value;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
