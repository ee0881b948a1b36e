package dev.baton.workflow;

/**
 * Splits the list part of a conductor's reply into tokens, starting at a given character.
 *
 * <p>It never runs over the whole reply: the prose around the lists is full of apostrophes that
 * would read as unterminated strings, so {@link ListFinder} locates each list first and the tokenizer
 * only reads from its opening bracket on. Strings may use single or double quotes, JSON or Python
 * escapes, and raw newlines; {@code #} starts a comment that runs to the end of the line, as in the
 * Python code block a model may wrap the lists in.
 *
 * <p>When {@link Repairs#forgiving() forgiving}, it also reads strings in typographic quotes ({@code “…”},
 * {@code ‘…’}), and the text ends before a closing code fence that ends it.
 */
final class WorkflowTokenizer {

    /** What a token is. */
    enum Kind { OPEN, CLOSE, COMMA, STRING, NUMBER, WORD, OTHER, END }

    /**
     * One token.
     *
     * @param kind   what it is
     * @param value  the text for numbers, words and other characters; the unescaped content for strings
     * @param offset where it starts in the whole text
     */
    record Token(Kind kind, String value, int offset) {

        /** Describes the token for an error message, e.g. {@code string "abc"}. */
        String describe() {
            return switch (kind) {
                case OPEN -> "'['";
                case CLOSE -> "']'";
                case COMMA -> "','";
                case STRING -> "string \"" + value + "\"";
                case NUMBER -> "number " + value;
                case WORD -> "word " + value;
                case OTHER -> "'" + value + "'";
                case END -> "the end of the text";
            };
        }
    }

    /** Typographic double quotes: any of them opens a string that any of them closes. */
    private static final String CURLY_DOUBLE = "\u201c\u201d\u201e\u201f";
    /** Typographic single quotes, likewise. */
    private static final String CURLY_SINGLE = "\u2018\u2019\u201a\u201b";

    private final String text;
    private final Repairs repairs;
    /** Where tokens end: the text's end, or in forgiving mode the start of a trailing code fence. */
    private final int end;
    private int pos;
    /** Set while peeking, so a repair is noted once, when its token is read for good. */
    private boolean peeking;

    /** Creates a strict tokenizer that reads {@code text} from character {@code start}. */
    WorkflowTokenizer(String text, int start) {
        this(text, start, Repairs.strict());
    }

    /** Creates a tokenizer that reads {@code text} from character {@code start}, noting repairs in {@code repairs}. */
    WorkflowTokenizer(String text, int start, Repairs repairs) {
        this.text = text;
        this.repairs = repairs;
        this.end = repairs.forgiving() ? contentEnd(text) : text.length();
        this.pos = start;
    }

    /** Returns where the text ends once trailing whitespace and a closing code fence are left off. */
    private static int contentEnd(String text) {
        String stripped = text.stripTrailing();
        if (stripped.endsWith("```")) {
            stripped = stripped.substring(0, stripped.length() - 3).stripTrailing();
        }
        return stripped.length();
    }

    /** Returns the offset just past the last token read. */
    int position() {
        return pos;
    }

    /** Returns the next token without consuming it. */
    Token peek(String where) {
        int saved = pos;
        peeking = true;
        try {
            return next(where);
        } finally {
            pos = saved;
            peeking = false;
        }
    }

    /**
     * Reads the next token.
     *
     * @param where names the list element being read, for the message of an unterminated string
     */
    Token next(String where) {
        skipSpaceAndComments();
        if (pos >= end) {
            return new Token(Kind.END, "", pos);
        }
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '[' -> {
                pos++;
                return new Token(Kind.OPEN, "[", start);
            }
            case ']' -> {
                pos++;
                return new Token(Kind.CLOSE, "]", start);
            }
            case ',' -> {
                pos++;
                return new Token(Kind.COMMA, ",", start);
            }
            case '"', '\'' -> {
                return readString(String.valueOf(c), where);
            }
            default -> {
                String curly = CURLY_DOUBLE.indexOf(c) >= 0 ? CURLY_DOUBLE : CURLY_SINGLE.indexOf(c) >= 0 ? CURLY_SINGLE : null;
                if (curly != null && repairs.forgiving()) {
                    Token string = readString(curly, where);
                    if (!peeking) {
                        repairs.note(Repairs.Kind.TYPOGRAPHIC_QUOTES, start);
                    }
                    return string;
                }
                if (c == '-' || c == '+' || isDigit(c)) {
                    return readNumber();
                }
                if (Character.isLetter(c) || c == '_') {
                    while (pos < text.length() && isWordChar(text.charAt(pos))) {
                        pos++;
                    }
                    return new Token(Kind.WORD, text.substring(start, pos), start);
                }
                int width = Character.charCount(text.codePointAt(pos));
                pos += width;
                return new Token(Kind.OTHER, text.substring(start, pos), start);
            }
        }
    }

    /** Tells whether only whitespace stands between {@code pos} and a delimiter, a quote or the end of the text. */
    private boolean delimiterFollows() {
        int p = pos;
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        if (p >= end) {
            return true;
        }
        char c = text.charAt(p);
        return c == ',' || c == ']' || c == '#' || c == '"' || c == '\''
                || CURLY_DOUBLE.indexOf(c) >= 0 || CURLY_SINGLE.indexOf(c) >= 0;
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token readNumber() {
        int start = pos;
        pos++;
        // Read digits, dots and exponents greedily so "2.5" or "1e3" reach the parser whole and are
        // rejected as "not a whole number" rather than as a confusing stray "." token.
        while (pos < text.length() && (isWordChar(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        return new Token(Kind.NUMBER, text.substring(start, pos), start);
    }

    /**
     * Reads a string whose opening quote is at {@code pos}.
     *
     * @param closers the characters that close it: the opening ASCII quote, or the typographic quotes of its kind
     */
    private Token readString(String closers, String where) {
        int start = pos;
        char quote = text.charAt(pos);
        boolean typographic = closers.length() > 1;
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            // A typographic quote also serves as apostrophe (it’s) and as quotes inside the text, so it closes the
            // string only where a delimiter follows; otherwise it is part of the string.
            if (closers.indexOf(c) >= 0 && (!typographic || delimiterFollows())) {
                return new Token(Kind.STRING, out.toString(), start);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '0' -> out.append('\0');
                case 'u' -> out.append(readHex(4, start, where));
                case 'x' -> out.append(readHex(2, start, where));
                case '"', '\'', '\\', '/' -> out.append(e);
                // A line continuation in Python: the backslash and newline vanish.
                case '\n' -> { }
                // Python keeps unknown escapes such as "\d" verbatim; a model writing a regex expects that.
                default -> out.append('\\').append(e);
            }
        }
        throw new WorkflowParseException(
                where + ": unterminated string: the " + quote + " that opens it is never closed", start);
    }

    private char readHex(int digits, int stringStart, String where) {
        int escapeStart = pos - 2;
        if (pos + digits > text.length()) {
            throw new WorkflowParseException(where + ": unterminated string: it ends inside an escape", stringStart);
        }
        String hex = text.substring(pos, pos + digits);
        try {
            char value = (char) Integer.parseInt(hex, 16);
            if (hex.charAt(0) == '+' || hex.charAt(0) == '-') {
                throw new NumberFormatException(hex);
            }
            pos += digits;
            return value;
        } catch (NumberFormatException e) {
            throw new WorkflowParseException(
                    where + ": bad escape \\" + text.charAt(escapeStart + 1) + hex + " in a string", escapeStart);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
