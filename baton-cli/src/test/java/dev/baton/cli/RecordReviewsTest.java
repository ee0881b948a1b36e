package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.conduct.baseline.MoaConductor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --reviews}: each worker answers each question again having seen some peers' solo answers, asked as a
 * workflow's aggregator step is asked, under the same cap, cache and resume as the solo calls — measured by what a
 * loopback provider received and billed ({@link BillingStub}).
 */
class RecordReviewsTest {

    private static final String KEY_VARIABLE = "BATON_TEST_KEY";
    private static final Map<String, String> ENV = Map.of(KEY_VARIABLE, "sk-record-test");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private BillingStub stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void eachWorkerReviewsEachQuestionAsAnAggregatorStepThatSeesItsPeersSoloReplies() throws Exception {
        stub = BillingStub.start(Duration.ZERO).answering("solver-c", "I think the answer is 7.");

        CliRun run = CliRun.withEnv(ENV, args(3, "--reviews", "2").toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(stub.calls()).as("3 workers x 3 questions, alone and reviewing").isEqualTo(18);
        assertThat(run.out()).contains("18 answered (0 from cache; 9 of them reviews)");
        List<JsonNode> lines = Files.readAllLines(dir.resolve("rec.jsonl")).stream().map(RecordReviewsTest::json).toList();
        assertThat(lines).hasSize(3);
        for (JsonNode line : lines) {
            JsonNode reviews = line.path("reviews");
            assertThat(reviews).hasSize(3);
            for (JsonNode review : reviews) {
                String worker = review.path("worker").asText();
                List<String> saw = StreamSupport.stream(review.path("saw").spliterator(), false).map(JsonNode::asText).toList();
                assertThat(saw).hasSize(2).doesNotContain(worker);
                assertThat(review.path("tail").asText()).isEqualTo(line.path("responses").path(worker).path("tail").asText());
                assertThat(review.path("chars").asInt()).isEqualTo(review.path("tail").asText().length());
                assertThat(review.path("input_tokens").asLong()).isEqualTo(BillingStub.PROMPT_TOKENS);
                assertThat(review.path("output_tokens").asLong()).isEqualTo(BillingStub.COMPLETION_TOKENS);
                assertThat(reviewRequest(line.path("question").asText(), worker)).isEqualTo(
                        expectedMessages(line, worker, saw));
            }
        }
    }

    @Test
    void theEstimateBeforeTheFirstCallCountsTheReviews() throws Exception {
        stub = BillingStub.start(Duration.ZERO);

        CliRun without = CliRun.withEnv(ENV, args(3, "--no-cache").toArray(String[]::new));
        CliRun with = CliRun.withEnv(ENV, args(3, "--no-cache", "--reviews", "1").toArray(String[]::new));

        assertThat(without.out()).contains("recording 3 workers on 3 questions: at most 9 calls");
        assertThat(with.out()).contains("recording 3 workers on 3 questions, each also reviewing each question having seen 1 "
                + "peers: at most 18 calls");
    }

    @Test
    void theSpendingCapHoldsForReviewsAndLeavesOutThoseThatDoNotFit() throws Exception {
        stub = BillingStub.start(Duration.ZERO);
        double cap = 13.5 * BillingStub.USD_PER_CALL; // 9 solo calls and 4 of the 9 reviews

        CliRun run = CliRun.withEnv(ENV, args(3, "--reviews", "2", "--parallel", "1", "--max-total-usd", Double.toString(cap))
                .toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(stub.billedUsd()).isLessThanOrEqualTo(cap);
        assertThat(stub.calls()).isEqualTo(13);
        assertThat(run.out()).contains("13 answered (0 from cache; 4 of them reviews), 0 failed, 5 skipped");
    }

    @Test
    void aRecordingRunAgainPaysForNoReviewTwice() throws Exception {
        stub = BillingStub.start(Duration.ZERO).answering("solver-b", "It is 5.");
        List<String> args = args(2, "--reviews", "2");

        CliRun first = CliRun.withEnv(ENV, args.toArray(String[]::new));
        String recorded = Files.readString(dir.resolve("rec.jsonl"));
        CliRun again = CliRun.withEnv(ENV, args.toArray(String[]::new));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(stub.calls()).as("paid once: 2 questions x 3 workers, alone and reviewing").isEqualTo(12);
        assertThat(again.out()).contains("12 answered (12 from cache; 6 of them reviews)");
        assertThat(Files.readString(dir.resolve("rec.jsonl"))).as("the same peers, seeded").isEqualTo(recorded);
    }

    @Test
    void aRecordingWithoutReviewsWritesNone() throws Exception {
        stub = BillingStub.start(Duration.ZERO);

        CliRun run = CliRun.withEnv(ENV, args(2).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("rec.jsonl"))).doesNotContain("reviews");
        assertThat(stub.calls()).isEqualTo(6);
    }

    /**
     * The messages a workflow step that sees {@code saw}'s solo steps is sent, built from what the stub received: the first
     * peer's solo prompt as is, its reply, each further peer's instruction and reply, then the aggregator's instruction.
     */
    private List<List<String>> expectedMessages(JsonNode line, String worker, List<String> saw) {
        String question = line.path("question").asText();
        String soloPrompt = soloRequest(question, saw.getFirst()).get(0).get(1);
        String soloInstruction = soloPrompt.substring((question + "\n\n").length());
        List<List<String>> messages = new ArrayList<>();
        for (String peer : saw) {
            messages.add(List.of("user", messages.isEmpty() ? soloPrompt : soloInstruction));
            messages.add(List.of("assistant", line.path("responses").path(peer).path("tail").asText()));
        }
        messages.add(List.of("user", MoaConductor.aggregatorStep(worker).subtask()));
        return messages;
    }

    private List<List<String>> soloRequest(String question, String worker) {
        return requests(question, worker).stream().filter(messages -> messages.size() == 1).findFirst().orElseThrow();
    }

    private List<List<String>> reviewRequest(String question, String worker) {
        List<List<List<String>>> reviews = requests(question, worker).stream().filter(messages -> messages.size() > 1).toList();
        assertThat(reviews).as(worker + " reviewed once").hasSize(1);
        return reviews.getFirst();
    }

    /** The messages of every request {@code worker} received about {@code question}, each as [role, content] pairs. */
    private List<List<List<String>>> requests(String question, String worker) {
        List<List<List<String>>> found = new ArrayList<>();
        for (JsonNode request : stub.received()) {
            List<List<String>> messages = StreamSupport.stream(request.path("messages").spliterator(), false)
                    .map(m -> List.of(m.path("role").asText(), m.path("content").asText())).toList();
            if (request.path("model").asText().equals(worker) && messages.getFirst().get(1).startsWith(question)) {
                found.add(messages);
            }
        }
        return found;
    }

    private List<String> args(int questions, String... more) throws Exception {
        Path pool = stub.pool(dir, KEY_VARIABLE, "solver-a", "solver-b", "solver-c");
        List<String> args = new ArrayList<>(List.of("record", "--pool", pool.toString(), "--bench",
                AdditionQuestions.write(dir, questions).toString(), "--out", dir.resolve("rec.jsonl").toString(), "--store",
                dir.resolve("baton.db").toString(), "--quiet"));
        args.addAll(List.of(more));
        return args;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
