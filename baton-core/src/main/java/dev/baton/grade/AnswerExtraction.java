package dev.baton.grade;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the final answer a free-form LLM reply commits to, trying the most explicit forms first.
 *
 * <p>The order is: a JSON {@code "answer"} field, the last {@code \boxed{...}}, an answer phrase such as
 * "The final answer is 42", and, only when the caller allows it, the last number in the reply. Explicit
 * forms come first because a reply's reasoning is full of intermediate numbers and expressions.
 */
final class AnswerExtraction {

    private static final String[] BOX_COMMANDS = {"\\boxed", "\\fbox"};
    private static final Pattern PHRASE = Pattern.compile(
            "(?i)(?:final\\s+answer|the\\s+answer|answer)(?:\\s+is\\s*:|\\s+is|\\s*:)\\s*(?:\\*\\*)?\\s*([^\\n]+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?|-?\\.\\d+");
    private static final Pattern SENTENCE_END = Pattern.compile("\\.(\\s|$)");
    private static final Pattern SURROUNDING_QUOTES = Pattern.compile("^[\"'`]+|[\"'`]+$");
    private static final Pattern SURROUNDING_DOLLARS = Pattern.compile("^\\$+|\\$+$");

    private AnswerExtraction() {}

    /**
     * Returns the reply's final answer.
     *
     * @param reply             the raw reply text
     * @param allowLastNumber   whether a reply with no explicit answer may be read as its last number
     */
    static Optional<String> extract(String reply, boolean allowLastNumber) {
        if (reply == null || reply.isBlank()) {
            return Optional.empty();
        }
        Optional<String> answer = JsonAnswerField.find(reply)
                .or(() -> lastBoxed(reply))
                .or(() -> phrase(reply));
        if (answer.isEmpty() && allowLastNumber) {
            answer = lastNumber(reply);
        }
        return answer;
    }

    /** Returns the content of the last {@code \boxed{...}}, honouring nested braces. */
    static Optional<String> lastBoxed(String text) {
        int best = -1;
        String command = null;
        for (String candidate : BOX_COMMANDS) {
            int at = text.lastIndexOf(candidate + "{");
            if (at > best) {
                best = at;
                command = candidate;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        int open = best + command.length();
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                String content = text.substring(open + 1, i).strip();
                return content.isEmpty() ? Optional.empty() : Optional.of(content);
            }
        }
        return Optional.empty();
    }

    /** Reads the last "the answer is ..." style phrase, up to the end of its sentence. */
    static Optional<String> phrase(String text) {
        Matcher m = PHRASE.matcher(text);
        String found = null;
        while (m.find()) {
            String candidate = trimSentence(m.group(1));
            if (!candidate.isEmpty()) {
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String trimSentence(String raw) {
        String s = raw.strip();
        // A sentence ends at ". " but not at the point of a decimal such as 3.5.
        Matcher end = SENTENCE_END.matcher(s);
        if (end.find()) {
            s = s.substring(0, end.start());
        }
        // Markdown emphasis and quotes around the answer ("83", \"60\") are presentation, not content.
        s = s.replace("**", "").replace("\\\"", "\"").strip();
        s = SURROUNDING_QUOTES.matcher(s).replaceAll("").strip();
        if (s.startsWith("$") && s.endsWith("$") && s.length() > 1) {
            s = SURROUNDING_DOLLARS.matcher(s).replaceAll("");
        }
        return s.strip();
    }

    /** Returns the last number in the text, thousands separators included. */
    static Optional<String> lastNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group();
        }
        return Optional.ofNullable(found).map(n -> n.endsWith(",") ? n.substring(0, n.length() - 1) : n);
    }
}
