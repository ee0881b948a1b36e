package dev.baton.learn.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real quantized MiniLM model shipped in LangChain4j's jar. */
class MiniLmEncoderTest extends QuestionEncoderContract {

    private static final String APPLES = "Tom has 3 apples and buys 5 more. How many apples does he have now?";
    private static final String ORANGES = "Sara had 4 oranges and her friend gave her 6 more. How many oranges does Sara have?";
    private static final String GEOMETRY = "Find the area of the region enclosed by the graph of |x-60|+|y|=|x/4|.";

    private static MiniLmEncoder encoder;

    @BeforeAll
    static void loadModel() {
        encoder = MiniLmEncoder.load(2);
    }

    @AfterAll
    static void closeModel() {
        encoder.close();
    }

    @Override
    protected QuestionEncoder encoder() {
        return encoder;
    }

    @Test
    void namesItselfAndItsDimension() {
        assertThat(encoder.id()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(encoder.dimension()).isEqualTo(384);
    }

    @Test
    void producesUnitVectorsOfTheStatedDimension() {
        float[] vector = encoder.encode(APPLES);

        assertThat(vector).hasSize(384);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void placesSimilarQuestionsCloserThanUnrelatedOnes() {
        List<float[]> vectors = encoder.encodeAll(List.of(APPLES, ORANGES, GEOMETRY));

        double similar = cosine(vectors.get(0), vectors.get(1));
        double unrelated = cosine(vectors.get(0), vectors.get(2));

        assertThat(similar).isGreaterThan(unrelated + 0.2);
    }

    @Test
    void encodesTheSameTextTheSameWayAloneOrInABatch() {
        float[] first = encoder.encode(GEOMETRY);
        float[] again = encoder.encode(GEOMETRY);
        List<float[]> batch = encoder.encodeAll(List.of(APPLES, GEOMETRY, ORANGES));

        assertThat(again).containsExactly(first);
        assertThat(batch.get(1)).containsExactly(first);
        assertThat(batch.get(0)).containsExactly(encoder.encode(APPLES));
    }

    @Test
    void encodesAQuestionFarLongerThanTheModelsLimitFromItsStart() {
        String longQuestion = APPLES + " The apples are red, round and very tasty indeed.".repeat(200);

        float[] vector = encoder.encode(longQuestion);

        assertThat(vector).hasSize(384);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));
        // Truncated at 128 word pieces: what lies past that changes nothing.
        assertThat(encoder.encode(longQuestion + " Unrelated: integrate x squared from 0 to 1."))
                .containsExactly(vector);
    }

    @Test
    void rejectsABlankQuestion() {
        assertThatThrownBy(() -> encoder.encode(" \n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encodeAll(List.of(APPLES, ""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodesAnEmptyBatchAsNothing() {
        assertThat(encoder.encodeAll(List.of())).isEmpty();
    }

    static double cosine(float[] a, float[] b) {
        return dot(a, b) / (norm(a) * norm(b));
    }

    static double norm(float[] vector) {
        return Math.sqrt(dot(vector, vector));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
