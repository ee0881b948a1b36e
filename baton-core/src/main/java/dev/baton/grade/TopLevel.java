package dev.baton.grade;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a normalised answer at the commas that are not nested inside brackets or braces.
 *
 * <p>{@code (1,2),3} has two top-level parts and {@code \frac{1,2}} none; tuples, intervals and
 * solution lists are all compared part by part.
 */
final class TopLevel {

    private TopLevel() {}

    /** Returns the top-level comma-separated parts; a single part when there is no such comma. */
    static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /**
     * Returns whether the first character's bracket is closed only by the last character, so that
     * {@code (1,2)} is one bracketed whole but {@code (1)+(2)} is not. Intervals may close with the
     * other bracket kind, as in {@code (-\infty,3]}.
     */
    static boolean closes(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
