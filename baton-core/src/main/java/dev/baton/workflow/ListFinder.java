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
    private final Repairs repairs;
    private final Map<String, ListLit> found = new HashMap<>();
    /** The repairs made reading each name's latest list. */
    private final Map<String, Repairs> repaired = new HashMap<>();
    /** The failure of a name's latest assignment; a later readable assignment clears it. */
    private final Map<String, WorkflowParseException> failed = new HashMap<>();

    private ListFinder(String text, List<String> names, Repairs repairs) {
        this.text = text;
        this.names = names;
        this.repairs = repairs;
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
        return findLast(text, names, Repairs.strict());
    }

    /**
     * Returns, for each name, its last assignment, making the repairs {@code repairs} allow; the repairs made
     * in the lists returned are added to {@code repairs}.
     *
     * @throws WorkflowParseException when a name's last assignment is not a well-formed list
     */
    static Map<String, ListLit> findLast(String text, List<String> names, Repairs repairs) {
        ListFinder finder = new ListFinder(text, names, repairs);
        finder.scan();
        for (String name : names) {
            if (finder.failed.containsKey(name)) {
                throw finder.failed.get(name);
            }
        }
        finder.repaired.values().forEach(repairs::addAll);
        return Map.copyOf(finder.found);
    }

    private void scan() {
        int i = 0;
        while (i < text.length()) {
            int next = i + 1;
            for (String name : names) {
                Repairs attempt = repairs.fresh();
                Optional<Integer> bracket = assignmentAt(i, name, attempt);
                if (bracket.isEmpty()) {
                    continue;
                }
                try {
                    ListLit list = LiteralParser.parseList(text, bracket.get(), name, attempt);
                    found.put(name, list);
                    repaired.put(name, attempt);
                    failed.remove(name);
                    next = list.end();
                } catch (WorkflowParseException e) {
                    failed.put(name, e);
                    found.remove(name);
                    repaired.remove(name);
                    next = i + name.length();
                }
                break;
            }
            i = next;
        }
    }

    /** Returns the offset of the list's {@code [} when {@code name} is assigned a list at {@code i}. */
    private Optional<Integer> assignmentAt(int i, String name, Repairs attempt) {
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
        int operator = p;
        p = skipDecoration(p + 1);
        if (p >= text.length() || text.charAt(p) != '[') {
            return Optional.empty();
        }
        if (isCurlyQuote(text.charAt(end)) || isCurlyQuote(text.charAt(operator - 1))) {
            attempt.note(Repairs.Kind.TYPOGRAPHIC_QUOTES, end);
        }
        return Optional.of(p);
    }

    /**
     * Skips what models wrap names and operators in: quotes, backticks, bold markers and whitespace, and when
     * forgiving typographic quotes ({@code “model_id”:} from a word processor).
     */
    private int skipDecoration(int p) {
        while (p < text.length()) {
            char c = text.charAt(p);
            if (c == '"' || c == '\'' || c == '`' || c == '*' || Character.isWhitespace(c)
                    || repairs.forgiving() && isCurlyQuote(c)) {
                p++;
            } else {
                return p;
            }
        }
        return p;
    }

    private static boolean isCurlyQuote(char c) {
        return c >= '\u2018' && c <= '\u201f';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
