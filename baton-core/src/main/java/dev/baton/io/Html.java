package dev.baton.io;

/**
 * Escapes text for HTML pages: the run report and the server's trace viewer. Both show text that came from outside
 * (a question with {@code <}, {@code &} and LaTeX, a worker's reply with a terminal's colour codes), so nothing goes
 * into a page unescaped. The markup is XHTML-compatible, in element content and quoted attributes alike.
 */
public final class Html {

    private Html() {
    }

    /** Returns the text with markup characters escaped and the characters XML forbids (escaped or not) dropped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab and newlines are not allowed in XML at all, escaped or not.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF)) { // lone surrogates neither
                            out.appendCodePoint(c);
                        }
                    }
                }
            }
        });
        return out.toString();
    }
}
