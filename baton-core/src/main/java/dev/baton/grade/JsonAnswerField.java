package dev.baton.grade;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the value of an {@code "answer"} field out of text that holds a JSON object, however broken.
 *
 * <p>Replies are asked for {@code {"reasoning": ..., "answer": ...}}, but real replies wrap it in a
 * {@code ```json} fence, cut it off, forget a quote, or write LaTeX such as {@code "\frac{1}{2}"} whose
 * backslashes are not valid JSON escapes. A strict JSON parser would reject most of those, so this
 * scanner reads the field's value directly and decodes escapes leniently.
 */
final class JsonAnswerField {

    // The key may itself be escaped when a model nests JSON inside a string; we only want real keys.
    private static final Pattern KEY = Pattern.compile("(?<!\\\\)\"answer\"\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOUR_HEX_DIGITS = Pattern.compile("[0-9a-fA-F]{4}");

    private JsonAnswerField() {}

    /**
     * Finds the value of the first non-blank {@code "answer"} field, empty when there is none.
     *
     * <p>The first field is the answer the reply committed to in the requested format; a later block is
     * usually a second-guess ("the answer above seems wrong...") which a grader should not reward, and
     * measured on ZeroEval's recorded replies the first field tracks the published scoring more closely.
     */
    static Optional<String> find(String text) {
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            String value = readValue(text, m.end());
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    private static String readValue(String text, int start) {
        if (start >= text.length()) {
            return null;
        }
        return text.charAt(start) == '"' ? readString(text, start + 1) : readBare(text, start);
    }

    /** Decodes a quoted value; an unterminated string (a cut-off reply) yields what was read. */
    private static String readString(String text, int from) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(i + 1);
            boolean latexCommand = i + 2 < text.length() && Character.isLetter(text.charAt(i + 2));
            switch (next) {
                case '"', '/' -> { out.append(next); i++; }
                case '\\' -> { out.append('\\'); i++; }
                case 'u' -> i = appendUnicode(text, i, out);
                // \frac, \theta, \neq, \right, \boxed: JSON would read a control character, LaTeX means a command.
                case 'n', 't', 'r', 'b', 'f' -> {
                    if (latexCommand) {
                        out.append('\\');
                    } else {
                        // Whitespace escapes become a space; \b and \f would only be noise in an answer.
                        if (next == 'n' || next == 'r' || next == 't') {
                            out.append(' ');
                        }
                        i++;
                    }
                }
                // An invalid JSON escape (\sqrt, \pi, \{): keep the backslash, it is LaTeX.
                default -> out.append('\\');
            }
        }
        return out.toString();
    }

    private static int appendUnicode(String text, int backslash, StringBuilder out) {
        int end = backslash + 6;
        if (end <= text.length() && FOUR_HEX_DIGITS.matcher(text.substring(backslash + 2, end)).matches()) {
            out.append((char) Integer.parseInt(text.substring(backslash + 2, end), 16));
            return end - 1;
        }
        out.append('\\');
        return backslash;
    }

    /** Reads an unquoted value such as {@code 18} or {@code \frac{1}{2}} up to the end of the field. */
    private static String readBare(String text, int from) {
        int depth = 0;
        int i = from;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == '\n' || (c == ',' && depth == 0 && isNextKey(text, i + 1))) {
                break;
            }
        }
        String value = text.substring(from, i).strip();
        return value.endsWith(",") ? value.substring(0, value.length() - 1) : value;
    }

    private static boolean isNextKey(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i >= text.length() || text.charAt(i) == '"';
    }
}
