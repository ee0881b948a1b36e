package dev.baton.grade;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges free-text answers by exact match after normalisation: case, accents, punctuation, the
 * articles "a", "an", "the" and runs of whitespace do not count (the usual SQuAD-style rule).
 */
final class TextGrader implements Grader {

    static final TextGrader INSTANCE = new TextGrader();

    private static final Pattern COMBINING_MARK = Pattern.compile("\\p{M}");
    private static final Pattern PUNCTUATION_OR_SYMBOL = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Pattern ARTICLE = Pattern.compile("\\b(?:a|an|the)\\b");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

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
        String s = COMBINING_MARK.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        s = PUNCTUATION_OR_SYMBOL.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
        s = ARTICLE.matcher(s).replaceAll(" ");
        return WHITESPACE_RUN.matcher(s).replaceAll(" ").strip();
    }
}
