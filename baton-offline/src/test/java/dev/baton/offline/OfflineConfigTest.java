package dev.baton.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.pricing.PriceTable;
import dev.baton.pricing.PriceTableException;
import dev.baton.worker.Price;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineConfigTest {

    @Test
    void shippedPricesCoverEveryRecordedModel() {
        PriceTable prices = OfflineConfig.defaultPrices();
        assertThat(prices.priceOf("gpt-4o-2024-08-06")).isEqualTo(new Price(2.50, 10.00));
        // 28 ZeroEval models (GSM8K, MATH-L5) and 13 MMLU-Pro ones, each priced once.
        assertThat(prices.prices()).hasSize(28 + 13);
        for (String benchmark : Benchmarks.builtIn()) {
            assertThat(prices.prices().keySet()).as(benchmark).containsAll(Benchmarks.load(benchmark, java.util.Optional.empty()).models());
        }
    }

    @Test
    void workerMissingFromPricesIsAClearError() {
        assertThatThrownBy(() -> OfflineConfig.defaultPrices().priceOf("gpt-9"))
                .isInstanceOf(PriceTableException.class)
                .hasMessageContaining("worker 'gpt-9' has no price in data/prices.tsv");
    }

    @Test
    void badRowsAreReportedWithLineNumbers(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.tsv");
        Files.writeString(file, """
                model\tinput_usd_per_mtok\toutput_usd_per_mtok\tnote
                a\t1.0\t2.0\tfine
                b\tcheap\t2.0\t
                c\t1.0
                a\t1.0\t1.0\t
                d\t-1\t1\t
                """);
        assertThatThrownBy(() -> OfflineConfig.prices(file))
                .isInstanceOf(PriceTableException.class)
                .hasMessageContaining("line 3 (b)")
                .hasMessageContaining("line 4 has 2 column(s)")
                .hasMessageContaining("line 5 repeats model 'a'")
                .hasMessageContaining("line 6 (d)");
    }

    @Test
    void wrongHeaderIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prices.tsv");
        Files.writeString(file, "name,in,out\n");
        assertThatThrownBy(() -> OfflineConfig.prices(file)).hasMessageContaining("the first line must be the header");
    }

    @Test
    void missingPriceFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> OfflineConfig.prices(dir.resolve("nope.tsv")))
                .isInstanceOf(PriceTableException.class)
                .hasMessageContaining("price table not found");
    }

    @Test
    void shippedContextModelHasTheDesignDefaults() {
        ContextModel model = OfflineConfig.defaultContextModel();
        assertThat(model.pFollow()).isEqualTo(0.8);
        assertThat(model.pKeep()).isEqualTo(0.7);
    }

    @Test
    void theShippedModelIsAssumedAndSaysSoAndFromWhichFile() {
        ContextModel model = OfflineConfig.defaultContextModel();

        assertThat(model.isMeasured()).isFalse();
        assertThat(model.describe()).isEqualTo("context model: assumed (data/context-model.yaml): p_follow=0.8, p_keep=0.7, seed=0");
    }

    @Test
    void anOldContextModelFileStillLoadsAsAnAssumedModelNamingTheFile(@TempDir Path dir) throws IOException {
        Path old = Files.writeString(dir.resolve("old.yaml"), "# before measured models\np_follow: 0.6\np_keep: 0.9\nseed: 4\n");

        ContextModel model = OfflineConfig.contextModel(old);

        assertThat(model).isEqualTo(new ContextModel(0.6, 0.9, 4, java.util.Map.of(), old.toString()));
        assertThat(model.describe()).isEqualTo("context model: assumed (" + old + "): p_follow=0.6, p_keep=0.9, seed=4");
    }

    @Test
    void aMeasuredModelWrittenAsYamlReadsBackTheSame(@TempDir Path dir) throws IOException {
        java.util.Map<String, ContextModel.Rates> rates = java.util.Map.of(
                "gpt-4o", new ContextModel.Rates(java.util.OptionalDouble.of(0.25), java.util.OptionalDouble.of(0.5), 40),
                "odd: \"name\" # x", new ContextModel.Rates(java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(1), 3),
                "checker", new ContextModel.Rates(java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(0.5),
                        java.util.OptionalDouble.of(0.6), java.util.OptionalDouble.of(0.4), java.util.OptionalDouble.of(0.35),
                        java.util.Map.of("carry", new ContextModel.Rates(java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(1),
                                java.util.OptionalDouble.of(1), java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(0.7),
                                java.util.Map.of(), 20), "odd: cat", new ContextModel.Rates(java.util.OptionalDouble.of(0.1),
                                java.util.OptionalDouble.empty(), 10)), 30));
        Path file = dir.resolve("measured.yaml");
        ContextModel written = new ContextModel(0.8, 0.7, 2).withMeasured(rates, file.toString());

        Files.writeString(file, written.toYaml("measured\nfrom a test"));
        ContextModel read = OfflineConfig.contextModel(file);

        assertThat(read).isEqualTo(written);
        assertThat(read.pFollow("odd: \"name\" # x")).isEqualTo(0.8);
        assertThat(read.pKeep("odd: \"name\" # x")).isEqualTo(1.0);
    }

    @Test
    void aMeasuredRateOutOfRangeNamesItsWorker(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "workers:\n  gpt-4o: {p_keep: 1.5}\n");

        assertThatThrownBy(() -> OfflineConfig.contextModel(bad)).isInstanceOf(ContextModelException.class)
                .hasMessageStartingWith(bad + ": workers.gpt-4o: ").hasMessageContaining("p_keep must be a probability in [0, 1], got 1.5");
    }

    @Test
    void aMeasuredRateOutOfRangeInACategoryNamesItsWorkerAndCategory(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "workers:\n  checker: {by_category: {carry: {p_correct: 7}}}\n");

        assertThatThrownBy(() -> OfflineConfig.contextModel(bad)).isInstanceOf(ContextModelException.class)
                .hasMessage(bad + ": workers.checker: by_category.carry: p_correct must be a probability in [0, 1], got 7.0");
    }

    @Test
    void contextModelRejectsUnknownKeysAndBadProbabilities(@TempDir Path dir) throws IOException {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "p_folow: 0.5\n");
        assertThatThrownBy(() -> OfflineConfig.contextModel(typo)).hasMessageContaining("unknown setting 'p_folow'");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "p_keep: 1.5\n");
        assertThatThrownBy(() -> OfflineConfig.contextModel(bad)).hasMessageContaining("probabilities in [0, 1]");
    }

    @Test
    void aContextModelOverOneMegabyteIsRefusedBeforeItIsParsed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("context-model.yaml");
        Files.writeString(file, "p_follow: 0.5\n# " + "x".repeat(2 << 20) + "\n");

        assertThatThrownBy(() -> OfflineConfig.contextModel(file))
                .isInstanceOf(ContextModelException.class)
                .hasMessage(file + " is 2.0 MB: a context model file is at most 1 MB; is this the right file?");
    }

    @Test
    void contextModelYamlIsReadNoFurtherThanTheLimit() {
        String oneLongValue = "p_follow: \"" + "x".repeat(2 << 20) + "\"\n";

        assertThatThrownBy(() -> ContextModel.read("stdin", new java.io.StringReader(oneLongValue)))
                .isInstanceOf(ContextModelException.class)
                .hasMessageStartingWith("stdin: ")
                .hasMessageContaining("1048576");
    }
}
