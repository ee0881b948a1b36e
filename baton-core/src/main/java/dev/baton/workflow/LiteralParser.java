package dev.baton.workflow;

import dev.baton.workflow.Literal.ListLit;
import dev.baton.workflow.WorkflowTokenizer.Kind;
import dev.baton.workflow.WorkflowTokenizer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one bracketed list, with nested lists, strings, numbers and bare words, into {@link Literal}s.
 *
 * <p>It accepts what Python and JSON both allow plus the slips models make: trailing commas, newlines
 * anywhere between elements, comments, and adjacent strings that Python joins into one.
 */
final class LiteralParser {

    /** Lists nest at most two deep in the format; the cap keeps hostile input from overflowing the stack. */
    private static final int MAX_DEPTH = 8;

    private final WorkflowTokenizer tokens;

    private LiteralParser(String text, int start) {
        this.tokens = new WorkflowTokenizer(text, start);
    }

    /**
     * Reads the list whose {@code [} is at {@code start}.
     *
     * @param name the list's name, used to label elements in error messages ({@code subtasks[2]})
     * @throws WorkflowParseException when the list is not well formed
     */
    static ListLit parseList(String text, int start, String name) {
        LiteralParser parser = new LiteralParser(text, start);
        Token open = parser.tokens.next(name);
        if (open.kind() != Kind.OPEN) {
            throw new WorkflowParseException(name + ": expected '[' but found " + open.describe(), open.offset());
        }
        return parser.readListAfterOpen(open, name, 1);
    }

    private ListLit readListAfterOpen(Token open, String name, int depth) {
        if (depth > MAX_DEPTH) {
            throw new WorkflowParseException(name + ": lists nested too deeply", open.offset());
        }
        List<Literal> items = new ArrayList<>();
        while (true) {
            String where = name + "[" + items.size() + "]";
            Token token = tokens.next(where);
            if (token.kind() == Kind.CLOSE) {
                return new ListLit(items, open.offset(), tokens.position());
            }
            if (token.kind() == Kind.END) {
                throw unclosed(name, open);
            }
            items.add(readValue(token, where, depth));
            Token after = tokens.next(where);
            switch (after.kind()) {
                case CLOSE -> {
                    return new ListLit(items, open.offset(), tokens.position());
                }
                case COMMA -> {
                    // A trailing comma before ']' is fine: the loop's next token is the ']'.
                }
                case END -> throw unclosed(name, open);
                default -> throw new WorkflowParseException(
                        name + ": expected ',' or ']' after element " + (items.size() - 1) + " but found "
                                + after.describe(), after.offset());
            }
        }
    }

    private Literal readValue(Token token, String where, int depth) {
        return switch (token.kind()) {
            case OPEN -> readListAfterOpen(token, where, depth + 1);
            case STRING -> readStrings(token, where);
            case NUMBER -> new Literal.Num(token.value(), token.offset());
            case WORD -> new Literal.Word(token.value(), token.offset());
            case CLOSE, COMMA, OTHER, END -> throw new WorkflowParseException(
                    where + ": expected a value but found " + token.describe(), token.offset());
        };
    }

    /** Joins adjacent strings the way Python does, since models split long subtasks across lines so. */
    private Literal readStrings(Token first, String where) {
        StringBuilder value = new StringBuilder(first.value());
        while (tokens.peek(where).kind() == Kind.STRING) {
            value.append(tokens.next(where).value());
        }
        return new Literal.Str(value.toString(), first.offset());
    }

    private static WorkflowParseException unclosed(String name, Token open) {
        return new WorkflowParseException(
                name + ": the list opened here is never closed with ']'", open.offset());
    }
}
