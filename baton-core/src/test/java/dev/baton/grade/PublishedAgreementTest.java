package dev.baton.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.task.AnswerType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks that our graders, applied to ZeroEval's recorded replies, reproduce ZeroEval's published
 * per-model accuracies to within one point. Our graders judge by real equivalence rather than by
 * ZeroEval's first-number rule, so small differences are expected; large ones reveal extraction bugs.
 */
class PublishedAgreementTest {

    private static final double TOLERANCE_POINTS = 1.0;
    private static final int REQUIRED_MODELS_WITHIN = 26;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gsm8k, NUMBER, 1319", "math-l5, MATH, 721"})
    void matchesPublishedAccuracyPerModel(String benchmark, AnswerType type, int questions) throws IOException {
        Map<String, Double> published = published(benchmark);
        Map<String, Integer> correct = score(benchmark, Graders.forType(type), questions);

        int within = 0;
        StringBuilder table = new StringBuilder(String.format("%n%s%n%-42s %7s %9s %6s%n",
                benchmark, "model", "ours", "published", "diff"));
        for (Map.Entry<String, Double> row : published.entrySet()) {
            double ours = 100.0 * correct.getOrDefault(row.getKey(), 0) / questions;
            double diff = ours - row.getValue();
            within += Math.abs(diff) <= TOLERANCE_POINTS ? 1 : 0;
            table.append(String.format("%-42s %7.2f %9.2f %+6.2f%n", row.getKey(), ours, row.getValue(), diff));
        }
        System.out.print(table);

        assertThat(published).hasSize(28);
        assertThat(within).as("models within %.1f points on %s", TOLERANCE_POINTS, benchmark)
                .isGreaterThanOrEqualTo(REQUIRED_MODELS_WITHIN);
    }

    /** Counts correct replies per model; a question without a reply counts as wrong. */
    private static Map<String, Integer> score(String benchmark, Grader grader, int questions) throws IOException {
        Path file = repositoryPath("data/zeroeval").resolve(benchmark + ".jsonl.gz");
        Map<String, Integer> correct = new TreeMap<>();
        int lines = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode item = JSON.readTree(line);
                String gold = item.get("gold").asText();
                lines++;
                for (Map.Entry<String, JsonNode> response : item.get("responses").properties()) {
                    boolean ok = grader.extract(response.getValue().get("tail").asText())
                            .map(answer -> grader.equivalent(answer, gold)).orElse(false);
                    correct.merge(response.getKey(), ok ? 1 : 0, Integer::sum);
                }
            }
        }
        assertThat(lines).isEqualTo(questions);
        return correct;
    }

    private static Map<String, Double> published(String benchmark) throws IOException {
        Path tsv = repositoryPath("baton-eval/src/test/resources/zeroeval-published.tsv");
        Map<String, Double> published = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] cells = line.split("\t");
            if (!line.startsWith("#") && cells.length >= 3 && cells[0].equals(benchmark)) {
                published.put(cells[1], Double.parseDouble(cells[2]));
            }
        }
        return published;
    }

    /** Finds a path relative to the repository root by walking up from the working directory. */
    private static Path repositoryPath(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
