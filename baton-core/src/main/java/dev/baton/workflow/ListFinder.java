package dev.baton.workflow;

import dev.baton.workflow.Literal.ListLit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the named lists in a model's reply: for each name, the last place it is assigned a list.
 *
 * <p>An assignment is the name as a whole word, then any quotes, backticks, asterisks or whitespace
 * (so {@code "model_id":}, {@code **model_id** =} and {@code `model_id` =} all count), then {@code =}
 * or {@code :}, then the list's {@code [}. A name that is not followed by a list is prose and skipped.
 * The scan resumes after each list it reads, so a name quoted inside a subtask is not mistaken for
 * an assignment.
 */
final class ListFinder {

    private final String text;
    private final List<String> names;
    private final Map<String, ListLit> found = new HashMap<>();
    /** The failure of a name's latest assignment; a later readable assignment clears it. */
    private final Map<String, WorkflowParseException> failed = new HashMap<>();

    private ListFinder(String text, List<String> names) {
        this.text = text;
        this.names = names;
    }

    /**
     * Returns, for each name that is assigned a list anywhere, its last assignment.
     *
     * <p>Models often write a draft and then a final answer, so the last assignment wins, even over a
     * draft that could not be read; but when the last one cannot be read, its error is thrown rather
     * than silently falling back to a draft.
     *
     * @throws WorkflowParseException when a name's last assignment is not a well-formed list
     */
    static Map<String, ListLit> findLast(String text, List<String> names) {
        ListFinder finder = new ListFinder(text, names);
        finder.scan();
        for (String name : names) {
            if (finder.failed.containsKey(name)) {
                throw finder.failed.get(name);
            }
        }
        return Map.copyOf(finder.found);
    }

    private void scan() {
        int i = 0;
        while (i < text.length()) {
            int next = i + 1;
            for (String name : names) {
                Optional<Integer> bracket = assignmentAt(i, name);
                if (bracket.isEmpty()) {
                    continue;
                }
                try {
                    ListLit list = LiteralParser.parseList(text, bracket.get(), name);
                    found.put(name, list);
                    failed.remove(name);
                    next = list.end();
                } catch (WorkflowParseException e) {
                    failed.put(name, e);
                    found.remove(name);
                    next = i + name.length();
                }
                break;
            }
            i = next;
        }
    }

    /** Returns the offset of the list's {@code [} when {@code name} is assigned a list at {@code i}. */
    private Optional<Integer> assignmentAt(int i, String name) {
        if (!text.regionMatches(true, i, name, 0, name.length())) {
            return Optional.empty();
        }
        int end = i + name.length();
        if (i > 0 && isWordChar(text.charAt(i - 1)) || end < text.length() && isWordChar(text.charAt(end))) {
            return Optional.empty();
        }
        int p = skipDecoration(end);
        if (p >= text.length() || (text.charAt(p) != '=' && text.charAt(p) != ':')) {
            return Optional.empty();
        }
        p = skipDecoration(p + 1);
        return p < text.length() && text.charAt(p) == '[' ? Optional.of(p) : Optional.empty();
    }

    /** Skips what models wrap names and operators in: quotes, backticks, bold markers and whitespace. */
    private int skipDecoration(int p) {
        while (p < text.length()) {
            char c = text.charAt(p);
            if (c == '"' || c == '\'' || c == '`' || c == '*' || Character.isWhitespace(c)) {
                p++;
            } else {
                return p;
            }
        }
        return p;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
