package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void everyLineFitsAnEightyColumnTerminalSoThatItIsRedrawnInPlace() {
        StringWriter drawn = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(drawn));

        bar.advanced("gsm8k without-Meta-Llama-3.1-405B-Instruct@hyperbolic: acc 94.5%, $0.00125, 2.8 calls, reward 0.933", 10, 200000);

        String line = drawn.toString().replace("\r", "").replace("\u001b[K", "");
        assertThat(line).hasSizeLessThanOrEqualTo(79).endsWith(" (10/200000)");
    }

    @Test
    void aLongLabelLosesWholePartsFromItsEnd() {
        assertThat(ProgressBar.abbreviate("training: acc 94.5%, $0.00125, 2.8 calls, reward 0.933", 45))
                .isEqualTo("training: acc 94.5%, $0.00125, 2.8 calls");
        assertThat(ProgressBar.abbreviate("solo:Meta-Llama-3.1-405B-Instruct@hyperbolic", 20)).isEqualTo("solo:Meta-Llama-3...");
        assertThat(ProgressBar.abbreviate("random", 20)).isEqualTo("random");
    }
}
