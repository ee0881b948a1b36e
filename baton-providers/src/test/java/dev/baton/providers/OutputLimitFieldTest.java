package dev.baton.providers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputLimitFieldTest {

    @ParameterizedTest
    @ValueSource(strings = {"o1", "o1-mini", "o3-mini-2025-01-31", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5.1",
            "openai/o3", "openai/gpt-5-nano", "O3-MINI"})
    void openAisReasoningModelsReadMaxCompletionTokens(String model) {
        assertThat(OutputLimitField.forModel(Provider.OPENAI, model)).isEqualTo(OutputLimitField.MAX_COMPLETION_TOKENS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o-mini", "gpt-4.1", "qwen2.5:7b", "llama-3.1-o1-distill", "omni", "o", "gpt-50x"})
    void everyOtherModelReadsMaxTokens(String model) {
        assertThat(OutputLimitField.forModel(Provider.OPENAI, model)).isEqualTo(OutputLimitField.MAX_TOKENS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"o3-mini", "gpt-5"})
    void otherProvidersHaveOneField(String model) {
        assertThat(OutputLimitField.forModel(Provider.ANTHROPIC, model)).isEqualTo(OutputLimitField.MAX_TOKENS);
        assertThat(OutputLimitField.forModel(Provider.GEMINI, model)).isEqualTo(OutputLimitField.MAX_TOKENS);
    }
}
