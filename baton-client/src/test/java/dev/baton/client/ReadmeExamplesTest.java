package dev.baton.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.conduct.baseline.VoteConductor;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.pool.Pool;
import dev.baton.providers.PoolFile;
import dev.baton.resilience.Resilience;
import dev.baton.resilience.ResilienceSettings;
import dev.baton.task.AnswerType;
import dev.langchain4j.model.chat.ChatModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's library examples exactly as printed there: each example's lines must appear, in order, in the
 * method that runs it here (checked against README.md), against a live pool of three OpenAI-compatible workers on a
 * loopback server, like a local vLLM or Ollama, which needs no key.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path dir;

    private WireMockServer server;
    private Path poolFile;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void startPool() throws IOException {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        StringBuilder yaml = new StringBuilder("workers:\n");
        for (String model : List.of("llama", "qwen", "mistral")) {
            server.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(matchingJsonPath("$.model", equalTo(model)))
                    .willReturn(okJson("""
                            {"id":"1","object":"chat.completion","created":1,"model":"%s","choices":[{"index":0,
                             "message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                             "usage":{"prompt_tokens":20,"completion_tokens":6,"total_tokens":26}}
                            """.formatted(model, model.equals("qwen") ? "It is 41." : "The answer is 42."))));
            yaml.append("  - {id: ").append(model).append(", provider: openai, model: ").append(model)
                    .append(", base_url: 'http://127.0.0.1:").append(server.port()).append("/v1', price: {input: 0, output: 0}}\n");
        }
        poolFile = dir.resolve("pool.yaml");
        Files.writeString(poolFile, yaml);
        stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopPool() {
        System.setOut(stdout);
        server.stop();
    }

    @Test
    void theLibraryExampleRunsAsPrinted() throws IOException {
        // snippet: library
        Pool pool = PoolFile.read(poolFile).build(System.getenv()); // keys come from the variables the file names
        Executor executor = Resilience.of(ResilienceSettings.defaults()).applyTo(Executor.builder()).build();
        try (Baton baton = Baton.builder()
                .pool(pool)
                .conductor(workers -> new VoteConductor(workers.ids(), "vote"))
                .budget(Budget.unlimited().withMaxCalls(6))
                .executor(executor)
                .build()) {
            Answer answer = baton.ask("What is 6 * 7?", AnswerType.NUMBER);
            System.out.println(answer.text().orElse("(no answer)"));
            System.out.printf("%d calls, $%.6f%n", answer.calls(), answer.costUsd());
        }
        // end snippet

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("The answer is 42.\n3 calls, $0.000000\n");
        assertMatchesReadme("library", "theLibraryExampleRunsAsPrinted");
    }

    @Test
    void theLangChain4jExampleRunsAsPrinted() throws IOException {
        Pool pool = PoolFile.read(poolFile).build(System.getenv());
        // snippet: langchain4j
        Baton baton = Baton.builder().pool(pool).conductor(workers -> new VoteConductor(workers.ids(), "vote")).build();
        ChatModel model = new BatonChatModel(baton, AnswerType.NUMBER); // was: OpenAiChatModel.builder()...build()
        String reply = model.chat("What is 6 * 7?");
        System.out.println(reply);
        // end snippet
        baton.close();

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("The answer is 42.\n");
        assertMatchesReadme("langchain4j", "theLangChain4jExampleRunsAsPrinted");
    }

    /** Checks that the README's example {@code name} is, line for line, the marked part of this class's method. */
    private static void assertMatchesReadme(String name, String method) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- example: " + name + " -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README.md has the example '%s'", name).isTrue();
        String source = Files.readString(Path.of("src/test/java/dev/baton/client/ReadmeExamplesTest.java"), StandardCharsets.UTF_8);
        int start = source.indexOf("// snippet: " + name, source.indexOf("void " + method));
        int end = source.indexOf("// end snippet", start);
        assertThat(lines(block.group(1))).isEqualTo(lines(source.substring(source.indexOf('\n', start) + 1, end)));
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
