package dev.baton.eval.report;

/**
 * Escapes text for the report's XHTML-compatible markup, in element content and quoted attributes alike.
 * Questions carry {@code <}, {@code &} and LaTeX, so nothing goes into the page unescaped.
 */
final class Html {

    private Html() {
    }

    /** Returns the text with markup characters escaped and characters XML forbids dropped. */
    static String escape(String text) {
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
