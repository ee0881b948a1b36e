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
 * anywhere between elements, comments, and adjacent strings that Python joins into one. Forgiving
 * {@link Repairs} also let the text end inside the list's outermost level: the list is closed there.
 */
final class LiteralParser {

    /** Lists nest at most two deep in the format; the cap keeps hostile input from overflowing the stack. */
    private static final int MAX_DEPTH = 8;

    private final WorkflowTokenizer tokens;
    private final Repairs repairs;

    private LiteralParser(String text, int start, Repairs repairs) {
        this.tokens = new WorkflowTokenizer(text, start, repairs);
        this.repairs = repairs;
    }

    /**
     * Reads the list whose {@code [} is at {@code start}.
     *
     * @param name the list's name, used to label elements in error messages ({@code subtasks[2]})
     * @throws WorkflowParseException when the list is not well formed
     */
    static ListLit parseList(String text, int start, String name) {
        return parseList(text, start, name, Repairs.strict());
    }

    /** Reads the list whose {@code [} is at {@code start}, making and noting the repairs {@code repairs} allow. */
    static ListLit parseList(String text, int start, String name, Repairs repairs) {
        LiteralParser parser = new LiteralParser(text, start, repairs);
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
                return closedAtEnd(items, open, name, depth, token);
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
                case END -> {
                    return closedAtEnd(items, open, name, depth, after);
                }
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

    /**
     * Closes a list the text ends inside, when the repairs allow it: only the outermost list, since a cut inside
     * a nested list ({@code [[], [0}) leaves open what the model meant to add.
     */
    private ListLit closedAtEnd(List<Literal> items, Token open, String name, int depth, Token end) {
        if (depth != 1 || !repairs.closeAtEnd()) {
            throw unclosed(name, open);
        }
        repairs.note(Repairs.Kind.UNCLOSED_BRACKET, end.offset());
        return new ListLit(items, open.offset(), end.offset());
    }

    /** Joins adjacent strings the way Python does, since models split long subtasks across lines so. */
    private Literal readStrings(Token first, String where) {
        StringBuilder value = new StringBuilder(first.value());
        List<Literal.Piece> pieces = new ArrayList<>();
        pieces.add(new Literal.Piece(first.value(), first.offset(), tokens.position()));
        while (tokens.peek(where).kind() == Kind.STRING) {
            Token next = tokens.next(where);
            value.append(next.value());
            pieces.add(new Literal.Piece(next.value(), next.offset(), tokens.position()));
        }
        return new Literal.Str(value.toString(), first.offset(), pieces);
    }

    private static WorkflowParseException unclosed(String name, Token open) {
        return new WorkflowParseException(
                name + ": the list opened here is never closed with ']'", open.offset());
    }
}
