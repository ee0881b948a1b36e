package dev.baton.workflow;

/**
 * A place in a text as people count it: line and column, both from 1, written {@code 3:41}.
 *
 * @param line   the line, from 1
 * @param column the character within the line, from 1
 */
record TextPosition(int line, int column) {

    /** Returns the position of character {@code offset} of {@code text}; an offset past the end counts as the end. */
    static TextPosition of(String text, int offset) {
        int end = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, end - lineStart + 1);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
