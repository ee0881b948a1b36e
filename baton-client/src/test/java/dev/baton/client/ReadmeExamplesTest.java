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
import dev.baton.pool.Pool;
import dev.baton.providers.PoolFile;
import dev.baton.task.AnswerType;
import dev.langchain4j.model.chat.ChatModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the documented library examples exactly as printed, against a live pool of three OpenAI-compatible workers on a
 * loopback server, like a local vLLM or Ollama, which needs no key: the library example, a whole program, is compiled
 * from docs/library.md and run; the README's LangChain4j example's lines must appear, in order, in the method that
 * runs it. Each example is looked up by its marker in the README and the docs pages, so it may move between them.
 */
class ReadmeExamplesTest {

    private static final List<Path> DOCUMENTS = List.of(Path.of("..", "README.md"), Path.of("..", "docs", "library.md"));

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

    /** The library example is a whole program, imports included: compiled here as a user would, then run on the pool. */
    @Test
    void theLibraryExampleCompilesAndRunsAsAProgram() throws Exception {
        Matcher block = example("library");
        Path source = dir.resolve("src/Ask.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, block.group(1));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("Ask").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[] {poolFile.toString()});
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("The answer is 42.\n3 calls, $0.000000\n");
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
        Matcher block = example(name);
        String source = Files.readString(Path.of("src/test/java/dev/baton/client/ReadmeExamplesTest.java"), StandardCharsets.UTF_8);
        int start = source.indexOf("// snippet: " + name, source.indexOf("void " + method));
        int end = source.indexOf("// end snippet", start);
        assertThat(lines(block.group(1))).isEqualTo(lines(source.substring(source.indexOf('\n', start) + 1, end)));
    }

    /** Returns the example {@code name} from the README or a docs page, its code in group 1. */
    private static Matcher example(String name) throws IOException {
        Pattern marked = Pattern.compile("<!-- example: " + name + " -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
        for (Path document : DOCUMENTS) {
            Matcher block = marked.matcher(Files.readString(document, StandardCharsets.UTF_8));
            if (block.find()) {
                return block;
            }
        }
        throw new AssertionError("no example '" + name + "' in " + DOCUMENTS);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
