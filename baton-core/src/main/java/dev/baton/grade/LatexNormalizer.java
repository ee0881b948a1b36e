package dev.baton.grade;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a LaTeX answer into one canonical spelling, so that notational variants compare equal as text.
 *
 * <p>It drops what does not change the value (math delimiters, spacing commands, {@code \left}/{@code \right},
 * degree marks, units in {@code \text{}}, a leading {@code x =}) and spells what does change it one way
 * ({@code \dfrac} and {@code \tfrac} as {@code \frac}, {@code \frac12} as {@code \frac{1}{2}}, {@code \sqrt2}
 * as {@code \sqrt{2}}). The result has no spaces.
 */
final class LatexNormalizer {

    private static final Pattern TEXT_COMMAND =
            Pattern.compile("\\\\(?:text|textbf|textit|textrm|mbox|mathrm|mathbf|operatorname)\\s*\\{([^{}]*)}");
    // Units a model or a gold may attach to a number; dropping them never changes which number it is.
    private static final Pattern TRAILING_UNIT = Pattern.compile(
            "(?<=[\\d}])\\s*(?:square|sq\\.?|cubic)?\\s*(?:units?|cm|centimeters?|meters?|km|mm|inches|inch"
                    + "|feet|foot|ft|yards?|miles?|degrees?|deg|radians?|seconds?|minutes?|hours?|days?|dollars?"
                    + "|cents?|pounds?|lbs?|ounces?|mph|people|ways|students|points?)\\^?\\d?\\s*$");
    // Words that join two values (5 \text{ and } 6) rather than name a unit.
    private static final Pattern CONNECTIVE = Pattern.compile("(?i)and|or|if|for|where|otherwise|to");
    private static final Pattern VARIABLE_PREFIX = Pattern.compile("^[a-zA-Z](?:_\\{?\\w+}?)?\\s*=\\s*(?!=)");
    private static final Pattern MATRIX =
            Pattern.compile("\\\\begin\\{[pbv]?matrix}(.*?)\\\\end\\{[pbv]?matrix}", Pattern.DOTALL);
    private static final Pattern THOUSANDS = Pattern.compile("^-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?$");
    private static final Pattern SIZING_COMMAND = Pattern.compile("\\\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])");
    private static final Pattern LAYOUT_COMMAND = Pattern.compile("\\\\(?:displaystyle|quad|qquad)(?![a-zA-Z])");
    private static final Pattern SPACING_COMMAND = Pattern.compile("\\\\[!,;: ]");
    private static final Pattern DFRAC_OR_TFRAC = Pattern.compile("\\\\[dt]frac(?![a-zA-Z])");
    private static final Pattern DEGREE_MARK =
            Pattern.compile("\\^\\s*\\{?\\s*\\\\circ\\s*}?|°|\\\\degree(?![a-zA-Z])");
    private static final Pattern UNICODE_ROOT_OF_NUMBER = Pattern.compile("√(\\d+)");
    private static final Pattern NUMBER_THEN_WORDS = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)\\s+[a-zA-Z][a-zA-Z ]*$");
    private static final Pattern TRAILING_PERIOD = Pattern.compile("\\.$");
    private static final Pattern FRAC_OF_TWO_DIGITS = Pattern.compile("\\\\frac\\s*(\\d)\\s*(\\d)");
    private static final Pattern FRAC_WITH_BARE_DENOMINATOR = Pattern.compile("\\\\frac\\s*\\{([^{}]*)}\\s*(\\d)");
    private static final Pattern SQRT_OF_BARE_DIGIT = Pattern.compile("\\\\sqrt\\s*(\\d)");
    private static final Pattern SQRT_OF_BARE_SYMBOL = Pattern.compile("\\\\sqrt\\s*(\\\\?[a-zA-Z])(?![a-zA-Z])");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern BASE_SUBSCRIPTED_NUMERAL =
            Pattern.compile("^(-?[0-9A-Z]+)(?:_\\{?(?:\\d+|[a-z])}?|[₀-₉]+)$");
    private static final Pattern ESCAPED_BRACE_SET = Pattern.compile("^\\\\\\{(.*)\\\\}$");
    private static final Pattern PARENTHESISED_LETTER = Pattern.compile("^\\(([A-Z])\\)$");
    private static final Pattern TRAILING_ROW_BREAK = Pattern.compile("\\\\\\\\\\s*$");
    private static final Pattern ROW_OR_CELL_SEPARATOR = Pattern.compile("\\\\\\\\|&");
    private static final Pattern ENDS_WITH_VALUE = Pattern.compile(".*[\\d}a-zA-Z]$");
    private static final Pattern UNIT_WORDS = Pattern.compile("[a-zA-Z. ]+(\\^\\d)?");

    private LatexNormalizer() {}

    /** Returns the canonical spelling of an answer. */
    static String normalize(String answer) {
        String s = answer.strip();
        s = unwrap(s, "\\boxed");
        s = matrixAsTuple(s); // first, while its \\ row breaks are intact
        s = s.replace("\\$", "").replace("$", "");
        s = s.replace("\\(", "").replace("\\)", "").replace("\\[", "").replace("\\]", "");
        s = SIZING_COMMAND.matcher(s).replaceAll("");
        s = LAYOUT_COMMAND.matcher(s).replaceAll(" ");
        s = SPACING_COMMAND.matcher(s).replaceAll(" ").replace("~", " ").replace("{,}", "");
        s = DFRAC_OR_TFRAC.matcher(s).replaceAll("\\\\frac");
        s = DEGREE_MARK.matcher(s).replaceAll("");
        s = s.replace("\\%", "").replace("%", "");
        s = UNICODE_ROOT_OF_NUMBER.matcher(s).replaceAll("\\\\sqrt{$1}").replace("√", "\\sqrt").replace("π", "\\pi");
        s = s.replace("·", "\\cdot").replace("×", "\\times");
        s = stripTextUnits(s);
        s = TRAILING_UNIT.matcher(s).replaceAll("");
        s = NUMBER_THEN_WORDS.matcher(s).replaceAll("$1"); // 1152 cups of flour
        s = s.strip();
        Matcher prefix = VARIABLE_PREFIX.matcher(s);
        if (prefix.find() && s.indexOf('=', prefix.end()) < 0) {
            s = s.substring(prefix.end());
        }
        s = TRAILING_PERIOD.matcher(s).replaceAll("").strip();
        s = FRAC_OF_TWO_DIGITS.matcher(s).replaceAll("\\\\frac{$1}{$2}");
        s = FRAC_WITH_BARE_DENOMINATOR.matcher(s).replaceAll("\\\\frac{$1}{$2}");
        s = SQRT_OF_BARE_DIGIT.matcher(s).replaceAll("\\\\sqrt{$1}");
        s = SQRT_OF_BARE_SYMBOL.matcher(s).replaceAll("\\\\sqrt{$1}");
        s = WHITESPACE.matcher(s).replaceAll("");
        // A numeral's base subscript (1112112_3, 100100_b, 221₃) names the notation, not the value.
        s = BASE_SUBSCRIPTED_NUMERAL.matcher(s).replaceAll("$1");
        if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        s = ESCAPED_BRACE_SET.matcher(s).replaceAll("$1"); // a set \{1,2\} is judged as the list 1,2
        s = PARENTHESISED_LETTER.matcher(s).replaceAll("$1"); // a multiple-choice gold such as \text{(C)}
        return s;
    }

    /** Writes a column or row matrix as the tuple it denotes, so that vector answers compare part by part. */
    private static String matrixAsTuple(String s) {
        Matcher m = MATRIX.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String parts = TRAILING_ROW_BREAK.matcher(m.group(1).strip()).replaceAll("");
            parts = ROW_OR_CELL_SEPARATOR.matcher(parts).replaceAll(",");
            m.appendReplacement(out, Matcher.quoteReplacement("(" + parts + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Drops unit words inside {@code \text{}} after a value, and unwraps every other text command. */
    private static String stripTextUnits(String s) {
        String previous;
        String current = s;
        do {
            previous = current;
            Matcher m = TEXT_COMMAND.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String content = m.group(1);
                boolean afterValue =
                        m.start() > 0 && ENDS_WITH_VALUE.matcher(current.substring(0, m.start()).strip()).matches();
                boolean unitLike = afterValue && UNIT_WORDS.matcher(content.strip()).matches()
                        && !CONNECTIVE.matcher(content.strip()).matches();
                m.appendReplacement(out, Matcher.quoteReplacement(unitLike ? "" : content));
            }
            m.appendTail(out);
            current = out.toString();
        } while (!current.equals(previous));
        return current;
    }

    /** Replaces {@code \command{content}} by its content, honouring nested braces. */
    static String unwrap(String s, String command) {
        int at = s.indexOf(command + "{");
        if (at < 0) {
            return s;
        }
        int open = at + command.length();
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}' && --depth == 0) {
                return s.substring(0, at) + s.substring(open + 1, i) + s.substring(i + 1);
            }
        }
        return s;
    }
}
