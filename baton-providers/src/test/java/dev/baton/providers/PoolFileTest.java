package dev.baton.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.input.BadInputException;
import dev.baton.pool.Pool;
import dev.baton.worker.Price;
import dev.baton.worker.RateLimits;
import dev.baton.worker.WorkerCard;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolFileTest {

    static final String EXAMPLE = """
            workers:
              - id: gpt
                provider: openai
                model: gpt-4o-mini
                base_url: https://api.openai.com/v1
                api_key_env: OPENAI_API_KEY
                price: {input: 0.15, output: 0.60}
                max_output_tokens: 1024
                temperature: 0
                reasoning_effort: low
                timeout: 30s
                concurrency: 2
                description: fast, cheap generalist
              - id: local
                provider: openai
                base_url: http://127.0.0.1:11434/v1/
                model: qwen2.5:7b
                price: {input: 0, output: 0}
              - id: claude
                provider: anthropic
                model: claude-sonnet-4-5
                api_key_env: ANTHROPIC_API_KEY
                price: {input: 3, output: 15}
              - id: o1-mini-replay
                provider: replay
                benchmark: gsm8k
                model: o1-mini-2024-09-12
            """;

    @TempDir
    Path dir;

    Path write(String yaml) throws IOException {
        Path file = dir.resolve("pool.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsLiveAndReplayWorkersWithDefaults() throws IOException {
        PoolSpec spec = PoolFile.read(write(EXAMPLE));

        assertThat(spec.workers()).extracting(WorkerSpec::id).containsExactly("gpt", "local", "claude", "o1-mini-replay");
        LiveWorkerSpec gpt = (LiveWorkerSpec) spec.workers().get(0);
        assertThat(gpt.provider()).isEqualTo(Provider.OPENAI);
        assertThat(gpt.apiKeyEnv()).contains("OPENAI_API_KEY");
        assertThat(gpt.price()).isEqualTo(new Price(0.15, 0.60));
        assertThat(gpt.defaults().maxOutputTokens()).hasValue(1024);
        assertThat(gpt.defaults().temperature()).hasValue(0);
        assertThat(gpt.defaults().reasoningEffort()).contains("low");
        assertThat(gpt.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(gpt.concurrency()).isEqualTo(2);
        assertThat(gpt.description()).isEqualTo("fast, cheap generalist");
        LiveWorkerSpec local = (LiveWorkerSpec) spec.workers().get(1);
        assertThat(local.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:11434/v1"));
        assertThat(local.apiKeyEnv()).isEmpty();
        assertThat(local.timeout()).isEqualTo(LiveWorkerSpec.DEFAULT_TIMEOUT);
        assertThat(local.concurrency()).as("as many calls at once as the server takes requests, unless the file says otherwise")
                .isEqualTo(1024);
        assertThat(((LiveWorkerSpec) spec.workers().get(2)).baseUrl()).isEqualTo(Provider.ANTHROPIC.defaultBaseUrl());
        assertThat(spec.workers().get(3)).isEqualTo(new ReplayWorkerSpec("o1-mini-replay", "gsm8k", "o1-mini-2024-09-12", ""));
    }

    @Test
    void buildsAMixedPoolWithKeysFromTheGivenEnvironment() throws IOException {
        Pool pool = PoolFile.read(write(EXAMPLE)).build(Map.of("OPENAI_API_KEY", "sk-1", "ANTHROPIC_API_KEY", "sk-2"));

        assertThat(pool.ids()).containsExactly("gpt", "local", "claude", "o1-mini-replay");
        assertThat(pool.get("gpt").card().model()).isEqualTo("openai|https://api.openai.com/v1|gpt-4o-mini");
        assertThat(pool.get("local").card().model()).isEqualTo("openai|http://127.0.0.1:11434/v1|qwen2.5:7b");
        WorkerCard replay = pool.get("o1-mini-replay").card();
        assertThat(replay.model()).isEqualTo("replay|gsm8k|o1-mini-2024-09-12");
        assertThat(replay.price().outputUsdPerMillion()).isPositive();
        assertThat(pool.cards()).allSatisfy(card -> assertThat(card.toString()).doesNotContain("sk-1", "sk-2"));
    }

    @Test
    void missingKeyVariableNamesFileLineAndField() throws IOException {
        Path file = write(EXAMPLE);
        PoolSpec spec = PoolFile.read(file);

        assertThatThrownBy(() -> spec.build(Map.of("OPENAI_API_KEY", "sk-1", "ANTHROPIC_API_KEY", "  ")))
                .isInstanceOf(PoolFileException.class)
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ":22: workers[2].api_key_env: environment variable ANTHROPIC_API_KEY is not set");
    }

    @Test
    void unknownRecordedModelIsNamedWithItsLine() throws IOException {
        Path file = write("""
                workers:
                  - id: r
                    provider: replay
                    benchmark: gsm8k
                    model: gpt-9
                """);

        assertThatThrownBy(() -> PoolFile.read(file).build(Map.of()))
                .isInstanceOf(PoolFileException.class)
                .hasMessageStartingWith(file + ":5: workers[0].model: gsm8k has no recordings of 'gpt-9'; it has: ");
    }

    @Test
    void missingFileIsBadInput() {
        assertThatThrownBy(() -> PoolFile.read(dir.resolve("nope.yaml")))
                .isInstanceOf(PoolFileException.class).hasMessageContaining("pool file not found");
    }

    /** Each row: a worker entry (after "workers:\n  - "), the line and field at fault, and part of the message. */
    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', textBlock = """
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    colour: red          | 6 | workers[0].colour          | unknown field
            id: a\\n    provider: openai\\n    model: m\\n    model: n\\n    price: {input: 1, output: 1}          | 5 | workers[0].model           | duplicate key (first on line 4)
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: -1, output: 1}                        | 5 | workers[0].price.input     | must not be negative, got -1
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: cheap}                     | 5 | workers[0].price.output    | must be a number, got 'cheap'
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: .nan, output: 1}                      | 5 | workers[0].price.input     | must be a finite number, got .nan
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: .inf}                      | 5 | workers[0].price.output    | must be a finite number, got .inf
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: -.Inf, output: 1}                     | 5 | workers[0].price.input     | must be a finite number, got -.Inf
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1e400, output: 1}                     | 5 | workers[0].price.input     | must be a finite number, got 1e400
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 2e6}                       | 5 | workers[0].price.output    | must be at most 1000000 USD per million tokens, got 2e6
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    temperature: .nan    | 6 | workers[0].temperature     | must be a finite number, got .nan
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    timeout: .inf        | 6 | workers[0].timeout         | must be a duration such as 500ms, 60s, 2m, got '.inf'
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    max_output_tokens: .inf | 6 | workers[0].max_output_tokens | must be a whole number, got .inf
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    max_output_tokens: 0x10 | 6 | workers[0].max_output_tokens | must be a whole number in decimal digits, got 0x10
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    concurrency: 99999999999999999999 | 6 | workers[0].concurrency | is out of range
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1}                                    | 5 | workers[0].price           | missing 'output'
            id: a\\n    provider: openai\\n    model: m                                                            | 2 | workers[0]                 | missing 'price'
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    max_output_tokens: many | 6 | workers[0].max_output_tokens | must be a whole number
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    temperature: 3       | 6 | workers[0].temperature     | must be between 0 and 2
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    timeout: soon        | 6 | workers[0].timeout         | must be a duration
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    concurrency: 0       | 6 | workers[0].concurrency     | must be between 1 and 10000
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    base_url: localhost  | 6 | workers[0].base_url        | must be an absolute http(s) URL
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n    api_key_env: sk-abc  | 6 | workers[0].api_key_env     | must name an environment variable
            id: a\\n    provider: cohere\\n    model: m\\n    price: {input: 1, output: 1}                         | 3 | workers[0].provider        | unknown provider 'cohere': use openai, anthropic, gemini or replay
            id: a\\n    provider: anthropic\\n    model: m\\n    price: {input: 1, output: 1}                      | 2 | workers[0]                 | missing 'api_key_env'
            id: a\\n    provider: anthropic\\n    model: m\\n    api_key_env: K\\n    price: {input: 1, output: 1}\\n    reasoning_effort: high | 7 | workers[0].reasoning_effort | anthropic takes no reasoning effort
            id: 7\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}                         | 2 | workers[0].id              | must be a non-empty string, got 7 (quote it)
            id: a\\n    provider: replay\\n    model: m\\n    benchmark: gsm8k\\n    price: {input: 1, output: 1}   | 6 | workers[0].price           | unknown field
            id: a\\n    provider: openai\\n    model: m\\n    price: {input: 1, output: 1}\\n  - id: a\\n    provider: openai\\n    model: n\\n    price: {input: 1, output: 1} | 6 | workers[1].id | worker id 'a' is already used by workers[0] (line 2)
            """)
    void invalidEntryNamesFileLineAndField(String entry, int line, String field, String message) throws IOException {
        Path file = write("workers:\n  - " + entry.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> PoolFile.read(file))
                .isInstanceOf(PoolFileException.class)
                .hasMessageStartingWith(file + ":" + line + ": " + field + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void readsEachWorkersRequestsAndTokensPerMinuteNoneUnlessSet() throws IOException {
        PoolSpec spec = PoolFile.read(write("""
                workers:
                  - id: gpt
                    provider: openai
                    model: gpt-4o-mini
                    price: {input: 0.15, output: 0.60}
                    rpm: 500
                    tpm: 200000
                  - id: small
                    provider: openai
                    model: qwen2.5:7b
                    price: {input: 0, output: 0}
                    tpm: 1000000000
                """));

        assertThat(((LiveWorkerSpec) spec.workers().get(0)).rateLimits())
                .isEqualTo(RateLimits.NONE.withRequestsPerMinute(500).withTokensPerMinute(200_000));
        assertThat(((LiveWorkerSpec) spec.workers().get(1)).rateLimits())
                .isEqualTo(RateLimits.NONE.withTokensPerMinute(1_000_000_000));
        assertThat(((LiveWorkerSpec) PoolFile.read(write(EXAMPLE)).workers().get(0)).rateLimits()).isEqualTo(RateLimits.NONE);
    }

    /** Each row: the rate limit line of a worker entry, and part of the message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rpm: 0           | workers[0].rpm: must be a whole number of requests a minute from 1 to 1000000000, got 0
            rpm: -5          | workers[0].rpm: must be a whole number of requests a minute from 1 to 1000000000, got -5
            tpm: 1000000001  | workers[0].tpm: must be a whole number of tokens a minute from 1 to 1000000000, got 1000000001
            rpm: 1.5         | workers[0].rpm: must be a whole number, got 1.5
            tpm: lots        | workers[0].tpm: must be a whole number, got 'lots'
            tpm: .inf        | workers[0].tpm: must be a whole number, got .inf
            """)
    void rateLimitsOutOfRangeNameFileLineAndField(String limit, String message) throws IOException {
        Path file = write("""
                workers:
                  - id: a
                    provider: openai
                    model: m
                    price: {input: 1, output: 1}
                    %s
                """.formatted(limit));

        assertThatThrownBy(() -> PoolFile.read(file))
                .isInstanceOf(PoolFileException.class)
                .hasMessage(file + ":6: " + message);
    }

    @Test
    void aReplayWorkerHasNoRateLimits() throws IOException {
        Path file = write("""
                workers:
                  - id: r
                    provider: replay
                    benchmark: gsm8k
                    model: o1-mini-2024-09-12
                    rpm: 10
                """);

        assertThatThrownBy(() -> PoolFile.read(file)).isInstanceOf(PoolFileException.class)
                .hasMessageStartingWith(file + ":6: workers[0].rpm: unknown field");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                                   | 1 | the file is empty
            'workers: [a, '                      | 1 | not valid YAML
            'workers: []'                        | 1 | must be a non-empty list
            'pool:\\n  - id: a'                  | 1 | unknown field
            'workers:\\n  - just a string'       | 2 | a worker is a mapping
            """)
    void invalidDocumentNamesFileAndLine(String yaml, int line, String message) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> PoolFile.read(file))
                .isInstanceOf(PoolFileException.class)
                .hasMessageStartingWith(file + ":" + line + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void aFileOverOneMegabyteIsRefusedBeforeItIsParsed() throws IOException {
        Path file = write(withLongDescription(2 << 20));

        assertThatThrownBy(() -> PoolFile.read(file))
                .isInstanceOf(PoolFileException.class)
                .hasMessage(file + " is 2.0 MB: a pool file is at most 1 MB; is this the right file?");
    }

    @Test
    void aDocumentOfUnknownSizeIsReadNoFurtherThanTheLimit() {
        // A pipe has no size to check first: the parser itself must stop, and on one long value too.
        Path source = Path.of("/dev/stdin");

        assertThatThrownBy(() -> YamlNode.read(source, new java.io.StringReader(withLongDescription(2 << 20))))
                .isInstanceOf(PoolFileException.class)
                .hasMessage("/dev/stdin holds more than 1048576 characters: a pool file is at most 1 MB; is this the right file?");
    }

    private static String withLongDescription(int chars) {
        return "workers:\n  - id: a\n    provider: openai\n    model: m\n    price: {input: 1, output: 1}\n"
                + "    description: \"" + "x".repeat(chars) + "\"\n";
    }

    @Test
    void numbersAreReadAsYamlWritesThem() throws IOException {
        PoolSpec spec = PoolFile.read(write("workers:\n  - id: a\n    provider: openai\n    model: m\n"
                + "    price: {input: 1_000.5, output: 0x10}\n    temperature: +1\n"));

        LiveWorkerSpec worker = (LiveWorkerSpec) spec.workers().getFirst();
        assertThat(worker.price()).isEqualTo(new Price(1000.5, 16));
        assertThat(worker.defaults().temperature()).hasValue(1);
    }

    @Test
    void specsNameTheirKeyVariableNeverAKey() throws IOException {
        LiveWorkerSpec gpt = (LiveWorkerSpec) PoolFile.read(write(EXAMPLE)).workers().getFirst();

        assertThat(PoolSpec.keySet(gpt, Map.of("OPENAI_API_KEY", "sk-1"))).isTrue();
        assertThat(PoolSpec.keySet(gpt, Map.of())).isFalse();
        assertThat(LiveWorker.create(gpt, Optional.of("sk-secret-1")).toString()).doesNotContain("sk-secret-1");
    }

    @Test
    void maxTokensFieldIsChosenByModelNameUnlessTheFileNamesIt() throws IOException {
        PoolSpec spec = PoolFile.read(write("""
                workers:
                  - id: o3
                    provider: openai
                    model: o3-mini
                    price: {input: 1, output: 4}
                  - id: azure
                    provider: openai
                    model: my-deployment
                    price: {input: 1, output: 4}
                    max_tokens_field: max_completion_tokens
                  - id: local
                    provider: openai
                    model: qwen2.5:7b
                    price: {input: 0, output: 0}
                """));

        assertThat(spec.workers()).map(w -> ((LiveWorkerSpec) w).outputLimitField()).containsExactly(
                OutputLimitField.MAX_COMPLETION_TOKENS, OutputLimitField.MAX_COMPLETION_TOKENS, OutputLimitField.MAX_TOKENS);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            openai    | max_output_tokens_please | must be one of max_tokens, max_completion_tokens, got 'max_output_tokens_please'
            anthropic | max_completion_tokens    | anthropic has one field for the output limit; max_tokens_field is for openai
            """)
    void maxTokensFieldIsRefusedWhereItMeansNothing(String provider, String field, String message) throws IOException {
        Path file = write("workers:\n  - id: a\n    provider: " + provider + "\n    model: m\n    api_key_env: K\n"
                + "    price: {input: 1, output: 1}\n    max_tokens_field: " + field + "\n");

        assertThatThrownBy(() -> PoolFile.read(file))
                .isInstanceOf(PoolFileException.class)
                .hasMessage(file + ":7: workers[0].max_tokens_field: " + message);
    }
}
