package dev.baton.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PoolCheckCommandTest {

    @TempDir
    Path dir;

    /** An OpenAI-compatible provider on loopback, reset before each test. */
    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort()).build();

    Path pool(String yaml) throws IOException {
        Path file = dir.resolve("pool.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    String local(String id, String path) {
        return """
                  - id: %s
                    provider: openai
                    model: qwen2.5:7b
                    base_url: http://127.0.0.1:%d%s
                    price: {input: 1, output: 2}
                    max_output_tokens: 256
                    timeout: 5s
                """.formatted(id, server.getPort(), path);
    }

    @Test
    void printsOneRowPerWorkerWithKeyVariableStatusNeverItsValue() throws IOException {
        Path file = pool("workers:\n" + local("local", "/v1") + """
                  - id: claude
                    provider: anthropic
                    model: claude-sonnet-4-5
                    api_key_env: BATON_TEST_KEY_THAT_IS_NOT_SET
                    price: {input: 3, output: 15}
                    concurrency: 2
                    description: careful reasoner
                  - id: home
                    provider: openai
                    model: gpt-4o-mini
                    api_key_env: PATH
                    price: {input: 0.15, output: 0.6}
                    rpm: 500
                    tpm: 200000
                """);

        CliRun run = CliRun.of("pool", "check", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 workers")
                .containsPattern("local\\s+openai\\s+qwen2.5:7b\\s+http://127.0.0.1:\\d+/v1\\s+-\\s+1\\s+2\\s+256\\s+5s\\s+1024")
                .containsPattern("claude\\s+anthropic\\s+claude-sonnet-4-5\\s+https://api.anthropic.com/v1\\s+"
                        + "BATON_TEST_KEY_THAT_IS_NOT_SET \\(NOT SET\\)\\s+3\\s+15\\s+-\\s+60s\\s+2\\s+-\\s+-\\s+careful reasoner")
                .containsPattern("home\\s+.*\\s+60s\\s+1024\\s+500\\s+200000\\s+openai gpt-4o-mini")
                .contains("PATH (set)")
                .doesNotContain(System.getenv("PATH"));
        assertThat(server.getAllServeEvents()).as("no call without --ping").isEmpty();
    }

    @Test
    void pingReportsLatencyTokensAndCostOrTheTypedFailure() throws IOException {
        server.stubFor(post(urlPathEqualTo("/ok/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c","object":"chat.completion","created":1,"model":"qwen2.5:7b",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":12,"completion_tokens":1,"total_tokens":13}}""")));
        server.stubFor(post(urlPathEqualTo("/busy/chat/completions")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withBody("{\"error\":{\"message\":\"slow down\"}}")));
        Path file = pool("workers:\n" + local("up", "/ok") + local("busy", "/busy"));

        CliRun run = CliRun.of("pool", "check", file.toString(), "--ping");

        assertThat(run.out()).containsPattern("up: ok in \\d+ ms, 12 in \\+ 1 out tokens, \\$0.000014: OK")
                .contains("busy: RATE_LIMITED (transient, retry after 7s): busy: openai answered HTTP 429: slow down");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("1 of 2 workers failed the ping");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/ok/chat/completions"))).getFirst().getBodyAsString())
                .contains("\"max_tokens\" : 8").contains("Reply with OK");
    }

    @Test
    void credentialsWrittenIntoABaseUrlAreMaskedEvenWhenPinged() throws IOException {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"who are you\"}}")));
        Path file = pool("workers:\n" + local("proxied", "/v1").replace("http://127.0.0.1", "http://alice:pa55-w0rd@127.0.0.1")
                + local("token", "/v1").replace("http://127.0.0.1", "http://tok3n-only@127.0.0.1"));

        CliRun listed = CliRun.of("pool", "check", file.toString());
        CliRun pinged = CliRun.of("pool", "check", file.toString(), "--ping");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("http://alice:***@127.0.0.1:" + server.getPort() + "/v1")
                .contains("http://***@127.0.0.1:" + server.getPort() + "/v1");
        assertThat(listed.out() + listed.err() + pinged.out() + pinged.err()).doesNotContain("pa55-w0rd")
                .doesNotContain("tok3n-only");
    }

    @Test
    void invalidFileIsOneLineNamingFileLineAndFieldWithExitCode2() throws IOException {
        Path file = pool("workers:\n" + local("a", "/v1").replace("price: {input: 1, output: 2}", "price: {input: -1, output: 2}"));

        CliRun run = CliRun.of("pool", "check", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: " + file + ":6: workers[0].price.input: must not be negative, got -1");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingFileIsBadInput() {
        CliRun run = CliRun.of("pool", "check", dir.resolve("absent.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("pool file not found");
    }

    @Test
    void aFileOfMegabytesIsRefusedBeforeItIsParsedWithExitCode2() throws IOException {
        // One long quoted value: what kept SnakeYAML busy for minutes and gigabytes at 50 MB.
        Path file = pool("workers:\n" + local("a", "/v1") + "    description: \"" + "x".repeat(2 << 20) + "\"\n");

        CliRun run = CliRun.of("pool", "check", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: " + file + " is 2.0 MB: a pool file is at most 1 MB; is this the right file?");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void nonFiniteNumbersAreBadInputNamingTheField() throws IOException {
        for (String price : new String[] {"{input: .nan, output: 2}", "{input: .inf, output: 2}", "{input: 1e400, output: 2}"}) {
            Path file = pool("workers:\n" + local("a", "/v1").replace("price: {input: 1, output: 2}", "price: " + price));

            CliRun run = CliRun.of("pool", "check", file.toString());

            assertThat(run.exitCode()).as(price).isEqualTo(2);
            assertThat(run.err().strip()).as(price).startsWith("error: " + file + ":6: workers[0].price.input: must be a finite number, got ");
        }
    }
}
