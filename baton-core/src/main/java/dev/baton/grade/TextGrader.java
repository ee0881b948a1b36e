package dev.baton.grade;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges free-text answers by exact match after normalisation: case, accents, punctuation, the
 * articles "a", "an", "the" and runs of whitespace do not count (the usual SQuAD-style rule).
 */
final class TextGrader implements Grader {

    static final TextGrader INSTANCE = new TextGrader();

    private TextGrader() {}

    @Override
    public Optional<String> extract(String reply) {
        return AnswerExtraction.extract(reply, false);
    }

    @Override
    public boolean equivalent(String answer, String reference) {
        String x = normalize(answer);
        return !x.isEmpty() && x.equals(normalize(reference));
    }

    /** Returns the answer in lower case without accents, punctuation, articles or extra spaces. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", " ");
        s = s.replaceAll("\\b(?:a|an|the)\\b", " ");
        return s.replaceAll("\\s+", " ").strip();
    }
}
