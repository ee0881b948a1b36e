package dev.baton.grade;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges multiple-choice answers by their option letter, so {@code (C)}, {@code C)}, {@code c} and
 * "The answer is C" all mean option C.
 */
final class ChoiceGrader implements Grader {

    static final ChoiceGrader INSTANCE = new ChoiceGrader();

    private static final Pattern BARE = Pattern.compile("(?i)^[(\\[]?\\s*([A-J])\\s*[)\\].:]?$");
    private static final Pattern LEADING = Pattern.compile("^[(\\[]?([A-J])(?:[)\\].:]|\\s*$)");
    private static final Pattern SPOKEN = Pattern.compile(
            "(?i)(?:answer|option|choice)\\s*(?:is|:)?\\s*:?\\s*[(\\[]?([A-J])(?![a-zA-Z])");
    private static final Pattern PARENTHESISED = Pattern.compile("\\(([A-J])\\)");
    private static final Pattern TEXT_COMMAND = Pattern.compile("\\\\text\\{([^}]*)}");

    private ChoiceGrader() {}

    @Override
    public Optional<String> extract(String reply) {
        Optional<String> explicit = AnswerExtraction.extract(reply, false);
        if (explicit.isPresent()) {
            return Optional.of(letter(explicit.get()).orElse(explicit.get()));
        }
        // Without an explicit answer, the last option a reply names in parentheses is its pick.
        Matcher m = PARENTHESISED.matcher(reply == null ? "" : reply);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }

    @Override
    public boolean equivalent(String answer, String reference) {
        Optional<String> x = letter(answer);
        return x.isPresent() && x.equals(letter(reference));
    }

    /** Returns the upper-case option letter an answer names, empty when it names none. */
    static Optional<String> letter(String answer) {
        String s = answer.strip().replace("$", "").replace("**", "");
        s = TEXT_COMMAND.matcher(s).replaceAll("$1").strip();
        for (Pattern p : new Pattern[] {BARE, LEADING, SPOKEN}) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                return Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
