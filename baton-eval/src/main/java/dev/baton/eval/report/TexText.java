package dev.baton.eval.report;

import dev.baton.io.Html;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the TeX that MATH questions and answers are written in into readable HTML without a TeX engine (the page
 * must work offline, so no KaTeX from a CDN): {@code \frac{7}{12}} becomes 7/12, {@code x^2} a superscript,
 * {@code \sqrt{3}} √3, {@code \boxed{5}} a framed 5, {@code \le} ≤. A command it does not know is left as written,
 * never dropped. Text that does not look like TeX (GSM8K's "$5 per hour") is only escaped, dollars and all.
 */
final class TexText {

    /** A command, or a {@code $…$} span holding a script or a group. */
    private static final Pattern TEX = Pattern.compile("\\\\[A-Za-z]+|\\$[^$]*[\\^_{][^$]*\\$");
    private static final Pattern SIMPLE = Pattern.compile("[\\p{L}\\p{N}.]+");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("cdot", "\u00b7"), Map.entry("times", "\u00d7"), Map.entry("div", "\u00f7"), Map.entry("pm", "\u00b1"),
            Map.entry("mp", "\u2213"), Map.entry("le", "\u2264"), Map.entry("leq", "\u2264"), Map.entry("ge", "\u2265"),
            Map.entry("geq", "\u2265"), Map.entry("ne", "\u2260"), Map.entry("neq", "\u2260"), Map.entry("approx", "\u2248"),
            Map.entry("equiv", "\u2261"), Map.entry("infty", "\u221e"), Map.entry("pi", "\u03c0"), Map.entry("theta", "\u03b8"),
            Map.entry("alpha", "\u03b1"), Map.entry("beta", "\u03b2"), Map.entry("gamma", "\u03b3"), Map.entry("delta", "\u03b4"),
            Map.entry("Delta", "\u0394"), Map.entry("lambda", "\u03bb"), Map.entry("mu", "\u03bc"), Map.entry("sigma", "\u03c3"),
            Map.entry("phi", "\u03c6"), Map.entry("omega", "\u03c9"), Map.entry("epsilon", "\u03b5"), Map.entry("angle", "\u2220"),
            Map.entry("circ", "\u2218"), Map.entry("degree", "\u00b0"), Map.entry("ldots", "\u2026"), Map.entry("dots", "\u2026"),
            Map.entry("cdots", "\u22ef"), Map.entry("in", "\u2208"), Map.entry("notin", "\u2209"), Map.entry("cup", "\u222a"),
            Map.entry("cap", "\u2229"), Map.entry("subset", "\u2282"), Map.entry("subseteq", "\u2286"), Map.entry("to", "\u2192"),
            Map.entry("rightarrow", "\u2192"), Map.entry("Rightarrow", "\u21d2"), Map.entry("implies", "\u27f9"),
            Map.entry("iff", "\u27fa"), Map.entry("sum", "\u03a3"), Map.entry("prod", "\u03a0"), Map.entry("int", "\u222b"),
            Map.entry("lfloor", "\u230a"), Map.entry("rfloor", "\u230b"), Map.entry("lceil", "\u2308"), Map.entry("rceil", "\u2309"),
            Map.entry("perp", "\u22a5"), Map.entry("parallel", "\u2225"), Map.entry("triangle", "\u25b3"), Map.entry("sim", "\u223c"),
            Map.entry("cong", "\u2245"), Map.entry("quad", "\u2003"), Map.entry("qquad", "\u2003\u2003"),
            Map.entry("log", "log"), Map.entry("ln", "ln"), Map.entry("sin", "sin"), Map.entry("cos", "cos"),
            Map.entry("tan", "tan"), Map.entry("max", "max"), Map.entry("min", "min"), Map.entry("gcd", "gcd"),
            Map.entry("lcm", "lcm"), Map.entry("mod", "mod"), Map.entry("det", "det"), Map.entry("exp", "exp"),
            Map.entry("left", ""), Map.entry("right", ""), Map.entry("displaystyle", ""), Map.entry("limits", ""),
            Map.entry("nonumber", ""), Map.entry("big", ""), Map.entry("Big", ""));
    private static final Map<String, String> BLACKBOARD = Map.of("R", "\u211d", "N", "\u2115", "Z", "\u2124",
            "Q", "\u211a", "C", "\u2102");

    private final String tex;
    private int pos;

    private TexText(String tex) {
        this.tex = tex;
    }

    /** Tells whether the text holds TeX worth rendering. */
    static boolean looksLikeTex(String text) {
        return TEX.matcher(text).find();
    }

    /** Returns the text as escaped HTML, its TeX rendered where it looks like TeX. */
    static String toHtml(String text) {
        if (!looksLikeTex(text)) {
            return Html.escape(text);
        }
        return new TexText(text).sequence(false);
    }

    /** Reads up to the end, or up to the closing brace of the group it is in. */
    private String sequence(boolean inGroup) {
        StringBuilder out = new StringBuilder();
        while (pos < tex.length()) {
            char c = tex.charAt(pos);
            switch (c) {
                case '\\' -> out.append(command());
                case '{' -> {
                    pos++;
                    out.append(sequence(true));
                }
                case '}' -> {
                    pos++;
                    if (inGroup) {
                        return out.toString();
                    }
                    out.append('}');
                }
                case '$' -> pos++; // a math delimiter: the rendering shows where math is
                case '^' -> {
                    pos++;
                    String power = argument();
                    out.append(power.equals("\u2218") ? "\u00b0" : "<sup>" + power + "</sup>");
                }
                case '_' -> {
                    pos++;
                    out.append("<sub>").append(argument()).append("</sub>");
                }
                case '~' -> {
                    pos++;
                    out.append('\u00a0');
                }
                default -> {
                    out.append(Html.escape(String.valueOf(c)));
                    pos++;
                }
            }
        }
        return out.toString();
    }

    /** Reads one argument: a group, a command, or a single character. */
    private String argument() {
        while (pos < tex.length() && tex.charAt(pos) == ' ') {
            pos++;
        }
        if (pos >= tex.length()) {
            return "";
        }
        char c = tex.charAt(pos);
        if (c == '{') {
            pos++;
            return sequence(true);
        }
        if (c == '\\') {
            return command();
        }
        int codePoint = tex.codePointAt(pos);
        pos += Character.charCount(codePoint);
        return Html.escape(Character.toString(codePoint));
    }

    private String command() {
        int start = pos++;
        if (pos >= tex.length()) {
            return "\\";
        }
        if (!Character.isLetter(tex.charAt(pos))) {
            char c = tex.charAt(pos++);
            return switch (c) {
                case ',', ':', ';', ' ' -> " ";
                case '!' -> "";
                case '[', ']', '(', ')' -> ""; // display and inline math delimiters, like $
                case '\\' -> "\n";
                default -> Html.escape(String.valueOf(c)); // \{ \} \$ \% \& \# \_
            };
        }
        while (pos < tex.length() && Character.isLetter(tex.charAt(pos))) {
            pos++;
        }
        String name = tex.substring(start + 1, pos);
        return switch (name) {
            case "frac", "dfrac", "tfrac" -> {
                String top = argument();
                String bottom = argument();
                yield grouped(top) + "/" + grouped(bottom);
            }
            case "sqrt" -> {
                String index = "";
                if (pos < tex.length() && tex.charAt(pos) == '[') {
                    int close = tex.indexOf(']', pos);
                    if (close > 0) {
                        index = "<sup>" + Html.escape(tex.substring(pos + 1, close)) + "</sup>";
                        pos = close + 1;
                    }
                }
                yield index + "\u221a" + grouped(argument());
            }
            case "boxed", "fbox" -> "<span class=\"boxed\">" + argument() + "</span>";
            case "overline" -> "<span class=\"overline\">" + argument() + "</span>";
            case "binom", "dbinom", "tbinom" -> {
                String n = argument();
                String k = argument();
                yield "C(" + n + ", " + k + ")";
            }
            case "pmod" -> " (mod " + argument() + ")";
            case "mathbb" -> {
                String letter = argument();
                yield BLACKBOARD.getOrDefault(letter, letter);
            }
            case "text", "textbf", "textit", "mathrm", "mathbf", "mathit", "operatorname", "mbox", "emph", "textrm" -> argument();
            default -> SYMBOLS.containsKey(name) ? SYMBOLS.get(name) : Html.escape("\\" + name);
        };
    }

    /** Returns a fraction's or root's operand, bracketed unless it is one number or word. */
    private static String grouped(String html) {
        return SIMPLE.matcher(html).matches() ? html : "(" + html + ")";
    }
}
